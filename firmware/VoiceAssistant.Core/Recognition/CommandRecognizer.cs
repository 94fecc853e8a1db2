using System;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Core.Recognition
{
    /// <summary>
    /// Smooths the per-inference int8 scores of the keyword model over time and decides when a command
    /// was heard. A behavioural port of the classic TFLM micro_speech <c>RecognizeCommands</c>,
    /// including its quirks (see remarks), so device, host twin and TFLM agree.
    /// </summary>
    /// <remarks>
    /// Behaviour per call, in order:
    /// <list type="number">
    /// <item>A timestamp earlier than the OLDEST queued result is rejected (returns false, nothing changes);
    /// earlier than the newest but not the oldest is accepted, as in TFLM.</item>
    /// <item>The scores are appended to a fixed queue of <see cref="MaxResults"/> entries; when the queue is
    /// full the NEW result is silently dropped (TFLM's push_back refuses it), then pruning still runs.</item>
    /// <item>Results older than <c>time - AverageWindowMs</c> (strictly) are pruned.</item>
    /// <item>With fewer than <c>MinimumResultCount</c> results, or when they span less than
    /// <c>AverageWindowMs / 4</c> (integer division), the result is the PREVIOUS top label with score 0 and
    /// no new command.</item>
    /// <item>Each label's average is the integer (truncated) mean of <c>score + 128</c>; the top label is the
    /// first with the strictly greatest average above 0 (label 0 with score 0 if all are 0).</item>
    /// <item>A new command is flagged when the top average is strictly above the threshold and either the top
    /// label differs from the previous top label or the time since the previous top label is strictly more
    /// than <c>SuppressionMs</c>. That time counts as infinite while the previous top label is label 0
    /// (silence) or no label has triggered yet. Only a new command updates the previous top label and time.</item>
    /// </list>
    /// The previous top label starts as label 0 (TFLM's "silence", the first label of its model) with no
    /// time. No allocation happens after construction. Unlike TFLM, the per-label sums are kept as running sums
    /// (same integers, so the same results) instead of being recomputed over the window on every call.
    /// </remarks>
    public sealed class CommandRecognizer
    {
        /// <summary>Capacity of the results queue (TFLM's kMaxResults).</summary>
        public const int MaxResults = 50;

        /// <summary>Offset that maps int8 scores to TFLM's uint8 score domain.</summary>
        public const int ScoreOffset = 128;

        // Sentinel for "no label has triggered yet" (TFLM uses INT32_MIN).
        private const int NoTime = int.MinValue;

        private readonly string[] _labels;
        private readonly int _labelCount;
        private readonly int _averageWindowMs;
        private readonly int _detectionThreshold;
        private readonly int _suppressionMs;
        private readonly int _minimumCount;

        // Ring buffer: _times[i] and _scores[i * _labelCount ..] for slot i.
        private readonly int[] _times;
        private readonly sbyte[] _scores;

        // Running sum of score + ScoreOffset per label over the queued results: added on push, subtracted on
        // prune, so a call costs O(labels) instead of re-summing the whole window (TFLM re-sums every time; the
        // integer sums, and so the averages, are identical).
        private readonly int[] _sums;
        private readonly RecognitionResult _result;
        private int _front;
        private int _count;
        private int _droppedCount;
        private int _previousTopIndex;
        private int _previousTopTimeMs;

        /// <summary>Creates a recogniser with the recogniser settings of <paramref name="settings"/>.</summary>
        /// <param name="labels">Labels in model output order (from <c>IKeywordSpotter.Labels</c>).</param>
        /// <param name="settings">Settings giving AverageWindowMs, DetectionThreshold, SuppressionMs and MinimumResultCount.</param>
        public CommandRecognizer(string[] labels, AssistantSettings settings)
            : this(labels, SettingsOrThrow(settings).AverageWindowMs, settings.DetectionThreshold, settings.SuppressionMs, settings.MinimumResultCount)
        {
        }

        /// <summary>Creates a recogniser with explicit parameters (TFLM constructor order).</summary>
        /// <param name="labels">Labels in model output order.</param>
        /// <param name="averageWindowMs">Averaging window in milliseconds (≥ 0).</param>
        /// <param name="detectionThreshold">Threshold in the uint8 domain (0..255) the top average must exceed.</param>
        /// <param name="suppressionMs">Suppression time in milliseconds (≥ 0).</param>
        /// <param name="minimumCount">Minimum number of results in the window (≥ 0).</param>
        public CommandRecognizer(string[] labels, int averageWindowMs, int detectionThreshold, int suppressionMs, int minimumCount)
        {
            if (labels == null)
            {
                throw new ArgumentNullException("labels");
            }

            if (labels.Length == 0)
            {
                throw new ArgumentException("at least one label is required", "labels");
            }

            for (int i = 0; i < labels.Length; i++)
            {
                if (labels[i] == null)
                {
                    throw new ArgumentException("label " + i.ToString() + " is null", "labels");
                }
            }

            if (averageWindowMs < 0)
            {
                throw new ArgumentException("AverageWindowMs must be >= 0 but is " + averageWindowMs.ToString(), "averageWindowMs");
            }

            if (detectionThreshold < 0 || detectionThreshold > 255)
            {
                throw new ArgumentException("DetectionThreshold must be in 0..255 but is " + detectionThreshold.ToString(), "detectionThreshold");
            }

            if (suppressionMs < 0)
            {
                throw new ArgumentException("SuppressionMs must be >= 0 but is " + suppressionMs.ToString(), "suppressionMs");
            }

            if (minimumCount < 0)
            {
                throw new ArgumentException("MinimumResultCount must be >= 0 but is " + minimumCount.ToString(), "minimumCount");
            }

            _labelCount = labels.Length;
            _labels = new string[_labelCount];
            for (int i = 0; i < _labelCount; i++)
            {
                _labels[i] = labels[i];
            }

            _averageWindowMs = averageWindowMs;
            _detectionThreshold = detectionThreshold;
            _suppressionMs = suppressionMs;
            _minimumCount = minimumCount;
            _times = new int[MaxResults];
            _scores = new sbyte[MaxResults * _labelCount];
            _sums = new int[_labelCount];
            _result = new RecognitionResult();
            Reset();
        }

        /// <summary>Number of labels (scores consumed per call).</summary>
        public int LabelCount
        {
            get { return _labelCount; }
        }

        /// <summary>Returns the label text of <paramref name="index"/>.</summary>
        /// <param name="index">Label index in model output order.</param>
        public string GetLabel(int index)
        {
            return _labels[index];
        }

        /// <summary>The result of the latest accepted call (the same instance every time).</summary>
        public RecognitionResult Result
        {
            get { return _result; }
        }

        /// <summary>Number of results currently in the averaging queue.</summary>
        public int QueuedCount
        {
            get { return _count; }
        }

        /// <summary>Number of results dropped because the queue was full (TFLM quirk; diagnostics).</summary>
        public int DroppedCount
        {
            get { return _droppedCount; }
        }

        /// <summary>Index of the label that last triggered a new command (0 initially).</summary>
        public int PreviousTopLabelIndex
        {
            get { return _previousTopIndex; }
        }

        /// <summary>Time of the last new command, or <see cref="int.MinValue"/> when none yet.</summary>
        public int PreviousTopLabelTimeMs
        {
            get { return _previousTopTimeMs; }
        }

        /// <summary>
        /// Processes the scores of one inference and updates <see cref="Result"/>.
        /// </summary>
        /// <param name="scores">Int8 scores, one per label (extra entries are ignored).</param>
        /// <param name="timeMs">Timestamp of the inference in milliseconds.</param>
        /// <returns>False (and <see cref="Result"/> unchanged) when <paramref name="timeMs"/> is earlier than the oldest queued result.</returns>
        public bool Process(sbyte[] scores, int timeMs)
        {
            if (scores == null)
            {
                throw new ArgumentNullException("scores");
            }

            if (scores.Length < _labelCount)
            {
                throw new ArgumentException("expected " + _labelCount.ToString() + " scores but got " + scores.Length.ToString(), "scores");
            }

            // TFLM checks against the front (oldest) of the queue, not the newest.
            if (_count > 0 && timeMs < _times[_front])
            {
                return false;
            }

            int n = _labelCount;
            if (_count < MaxResults)
            {
                int back = _front + _count;
                if (back >= MaxResults)
                {
                    back -= MaxResults;
                }

                _times[back] = timeMs;
                int baseIndex = back * n;
                for (int i = 0; i < n; i++)
                {
                    sbyte score = scores[i];
                    _scores[baseIndex + i] = score;
                    _sums[i] += score + ScoreOffset;
                }

                _count++;
            }
            else
            {
                _droppedCount++;
            }

            long timeLimit = (long)timeMs - _averageWindowMs;
            while (_count > 0 && _times[_front] < timeLimit)
            {
                int baseIndex = _front * n;
                for (int i = 0; i < n; i++)
                {
                    _sums[i] -= _scores[baseIndex + i] + ScoreOffset;
                }

                _front++;
                if (_front >= MaxResults)
                {
                    _front = 0;
                }

                _count--;
            }

            // An empty queue (only possible after a dropped push) bails too instead of dividing by zero.
            if (_count == 0 || _count < _minimumCount || (long)timeMs - _times[_front] < _averageWindowMs / 4)
            {
                _result.Set(_previousTopIndex, _labels[_previousTopIndex], 0, false, timeMs);
                return true;
            }

            int topIndex = 0;
            int topScore = 0;
            for (int i = 0; i < n; i++)
            {
                int average = _sums[i] / _count;
                if (average > topScore)
                {
                    topScore = average;
                    topIndex = i;
                }
            }

            long timeSinceLastTop;
            if (_previousTopIndex == 0 || _previousTopTimeMs == NoTime)
            {
                timeSinceLastTop = int.MaxValue;
            }
            else
            {
                timeSinceLastTop = (long)timeMs - _previousTopTimeMs;
            }

            bool isNew = false;
            if (topScore > _detectionThreshold && (topIndex != _previousTopIndex || timeSinceLastTop > _suppressionMs))
            {
                _previousTopIndex = topIndex;
                _previousTopTimeMs = timeMs;
                isNew = true;
            }

            _result.Set(topIndex, _labels[topIndex], topScore, isNew, timeMs);
            return true;
        }

        /// <summary>Empties the queue and restores the initial previous label (label 0, no time).</summary>
        public void Reset()
        {
            _front = 0;
            _count = 0;
            _droppedCount = 0;
            for (int i = 0; i < _labelCount; i++)
            {
                _sums[i] = 0;
            }

            _previousTopIndex = 0;
            _previousTopTimeMs = NoTime;
            _result.Set(0, _labels[0], 0, false, 0);
        }

        private static AssistantSettings SettingsOrThrow(AssistantSettings settings)
        {
            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            return settings;
        }
    }
}
