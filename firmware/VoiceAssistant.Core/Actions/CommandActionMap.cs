using System;

namespace VoiceAssistant.Core.Actions
{
    /// <summary>
    /// Maps command labels to <see cref="ActionKind"/>s. Configured at start-up; lookups do not allocate.
    /// </summary>
    public sealed class CommandActionMap
    {
        private string[] _labels;
        private ActionKind[] _kinds;
        private int _count;

        /// <summary>Creates an empty map (every label maps to <see cref="ActionKind.None"/>).</summary>
        public CommandActionMap()
        {
            _labels = new string[4];
            _kinds = new ActionKind[4];
        }

        /// <summary>The classic mapping: "yes" turns the LED on, "no" turns it off.</summary>
        public static CommandActionMap CreateDefault()
        {
            CommandActionMap map = new CommandActionMap();
            map.Set("yes", ActionKind.LedOn);
            map.Set("no", ActionKind.LedOff);
            return map;
        }

        /// <summary>Number of mapped labels.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Maps <paramref name="label"/> to <paramref name="kind"/>, replacing any earlier mapping.</summary>
        /// <param name="label">Command label (case-sensitive).</param>
        /// <param name="kind">Action to perform.</param>
        public void Set(string label, ActionKind kind)
        {
            if (label == null)
            {
                throw new ArgumentNullException("label");
            }

            int index = IndexOf(label);
            if (index >= 0)
            {
                _kinds[index] = kind;
                return;
            }

            if (_count == _labels.Length)
            {
                // Grows only while configuring, never during recognition.
                string[] labels = new string[_count * 2];
                ActionKind[] kinds = new ActionKind[_count * 2];
                Array.Copy(_labels, labels, _count);
                Array.Copy(_kinds, kinds, _count);
                _labels = labels;
                _kinds = kinds;
            }

            _labels[_count] = label;
            _kinds[_count] = kind;
            _count++;
        }

        /// <summary>Returns the action for <paramref name="label"/>, or <see cref="ActionKind.None"/> when unmapped.</summary>
        /// <param name="label">Command label.</param>
        public ActionKind Get(string label)
        {
            int index = IndexOf(label);
            return index < 0 ? ActionKind.None : _kinds[index];
        }

        private int IndexOf(string label)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_labels[i] == label)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
