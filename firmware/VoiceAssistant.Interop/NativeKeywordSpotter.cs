using System;
using VoiceAssistant.Core.Model;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Interop
{
    /// <summary>
    /// The device's <see cref="IKeywordSpotter"/>: PCM conversion, MFCC, the 49×40 int8 window and TFLite Micro
    /// all run natively; managed code makes a few calls per hop. Native failures become
    /// <see cref="NativeSpotterException"/>s carrying the native message.
    /// </summary>
    /// <remarks>
    /// The native side holds one global kernel, so create one instance per firmware run. All arrays used on the
    /// per-hop paths are preallocated; exception text is only built on failure.
    /// </remarks>
    public sealed class NativeKeywordSpotter : IKeywordSpotter
    {
        /// <summary>Message used when the firmware image has no native part for this assembly.</summary>
        public const string MissingFirmwareMessage =
            "this firmware image lacks the voice assistant interop; flash the custom image";

        private readonly string[] _labels;
        private readonly int[] _config = new int[ConfigLayout.Length];
        private readonly int[] _info = new int[InfoLayout.Length];
        private readonly byte[] _message = new byte[NativeContract.MaxMessageBytes];
        private float _inputScale;
        private int _inputZeroPoint;

        /// <summary>Configures the native kernel for the settings' microphone layout.</summary>
        /// <param name="settings">Microphone layout (slot bytes, channels, channel, shift).</param>
        /// <param name="labels">Class labels in model output order.</param>
        /// <param name="inputScale">Input quantisation scale used until a model is loaded (from the model manifest).</param>
        /// <param name="inputZeroPoint">Input quantisation zero point used until a model is loaded.</param>
        public NativeKeywordSpotter(AssistantSettings settings, string[] labels, float inputScale, int inputZeroPoint)
        {
            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            if (labels == null || labels.Length == 0)
            {
                throw new ArgumentException("at least one label is required", "labels");
            }

            _labels = labels;
            _inputScale = inputScale;
            _inputZeroPoint = inputZeroPoint;
            _config[ConfigLayout.SlotBytes] = settings.SlotBytes;
            _config[ConfigLayout.ChannelsPerFrame] = settings.ChannelsPerFrame;
            _config[ConfigLayout.Channel] = settings.Channel;
            _config[ConfigLayout.SampleShift] = settings.SampleShift;
            _config[ConfigLayout.FeatureVersion] = AssistantSettings.FeatureVersion;
            _config[ConfigLayout.WindowFrames] = AssistantSettings.WindowFrames;
            _config[ConfigLayout.CoefficientCount] = AssistantSettings.CoefficientCount;
            _config[ConfigLayout.InputScaleBits] = FloatBits.ToBits(inputScale);
            _config[ConfigLayout.InputZeroPoint] = inputZeroPoint;

            int status;
            try
            {
                status = Abi.Configure(_config);
            }
            catch (NotSupportedException e)
            {
                throw Missing(e);
            }

            Check(status, "Configure");
        }

        /// <inheritdoc />
        public string[] Labels { get { return _labels; } }

        /// <inheritdoc />
        public float InputScale { get { return _inputScale; } }

        /// <inheritdoc />
        public int InputZeroPoint { get { return _inputZeroPoint; } }

        /// <summary>Tensor-arena bytes the loaded model uses (valid after <see cref="LoadModel"/>).</summary>
        public int ArenaBytesUsed { get; private set; }

        /// <summary>
        /// Copies the model into native memory and allocates its tensors; the model's input quantisation then
        /// replaces the one given at construction.
        /// </summary>
        /// <param name="model">TFLite flatbuffer bytes (copied; the array may be released afterwards).</param>
        /// <param name="arenaBytes">Tensor-arena size to allocate.</param>
        public void LoadModel(byte[] model, int arenaBytes)
        {
            if (model == null)
            {
                throw new ArgumentNullException("model");
            }

            int status;
            try
            {
                status = Abi.LoadModel(model, arenaBytes);
            }
            catch (NotSupportedException e)
            {
                throw Missing(e);
            }

            Check(status, "LoadModel");
            RefreshInfo();
            if (_info[InfoLayout.LabelCount] != _labels.Length)
            {
                throw new NativeSpotterException(InteropStatus.ModelInvalid,
                    "LoadModel: the model has " + _info[InfoLayout.LabelCount].ToString() + " outputs but "
                    + _labels.Length.ToString() + " labels were given");
            }
        }

        /// <inheritdoc />
        public int PushAudio(byte[] raw, int offset, int count)
        {
            int result;
            try
            {
                result = Abi.PushAudio(raw, offset, count);
            }
            catch (NotSupportedException e)
            {
                throw Missing(e);
            }

            Check(result, "PushAudio");
            return result;
        }

        /// <inheritdoc />
        public int GetLevels(int[] levels)
        {
            int result;
            try
            {
                result = Abi.GetLevels(levels);
            }
            catch (NotSupportedException e)
            {
                throw Missing(e);
            }

            Check(result, "GetLevels");
            return result;
        }

        /// <inheritdoc />
        public void Invoke(sbyte[] scores)
        {
            if (scores == null || scores.Length < _labels.Length)
            {
                throw new ArgumentException("scores must hold one entry per label", "scores");
            }

            int status;
            try
            {
                status = Abi.Invoke(scores);
            }
            catch (NotSupportedException e)
            {
                throw Missing(e);
            }

            Check(status, "Invoke");
        }

        /// <inheritdoc />
        public void Reset()
        {
            int status;
            try
            {
                status = Abi.Reset();
            }
            catch (NotSupportedException e)
            {
                throw Missing(e);
            }

            Check(status, "Reset");
        }

        /// <summary>
        /// Copies the native 49×40 int8 feature window, oldest row first (for comparing native features with the
        /// C# core on the device), and returns how many rows are valid.
        /// </summary>
        /// <param name="window">Destination of at least <see cref="AssistantSettings.WindowFeatures"/> entries.</param>
        public int GetFeatures(sbyte[] window)
        {
            if (window == null || window.Length < AssistantSettings.WindowFeatures)
            {
                throw new ArgumentException("window must hold WindowFeatures entries", "window");
            }

            int result;
            try
            {
                result = Abi.GetFeatures(window);
            }
            catch (NotSupportedException e)
            {
                throw Missing(e);
            }

            Check(result, "GetFeatures");
            return result;
        }

        /// <summary>
        /// Reads the native state into <paramref name="info"/> (layout <see cref="InfoLayout"/>) and updates
        /// <see cref="InputScale"/>, <see cref="InputZeroPoint"/> and <see cref="ArenaBytesUsed"/>.
        /// </summary>
        /// <param name="info">Destination of at least <see cref="InfoLayout.Length"/> entries, or null to use an internal buffer.</param>
        public void GetInfo(int[] info)
        {
            RefreshInfo();
            if (info != null)
            {
                int n = info.Length < _info.Length ? info.Length : _info.Length;
                Array.Copy(_info, info, n);
            }
        }

        private void RefreshInfo()
        {
            int status;
            try
            {
                status = Abi.GetInfo(_info);
            }
            catch (NotSupportedException e)
            {
                throw Missing(e);
            }

            Check(status, "GetInfo");
            _inputScale = FloatBits.FromBits(_info[InfoLayout.InputScaleBits]);
            _inputZeroPoint = _info[InfoLayout.InputZeroPoint];
            ArenaBytesUsed = _info[InfoLayout.ArenaBytesUsed];
        }

        // Inlined status test on the hot path; the throwing part stays out of line so nothing is built on success.
        private void Check(int status, string operation)
        {
            if (status < 0)
            {
                throw Failure(status, operation);
            }
        }

        private NativeSpotterException Failure(int status, string operation)
        {
            string detail = ReadNativeMessage();
            string text = operation + " failed: " + InteropStatus.Name(status);
            if (detail.Length > 0)
            {
                text = text + ": " + detail;
            }

            return new NativeSpotterException(status, text);
        }

        private string ReadNativeMessage()
        {
            int length;
            try
            {
                length = Abi.GetLastError(_message);
            }
            catch (NotSupportedException)
            {
                return string.Empty;
            }

            if (length <= 0)
            {
                return string.Empty;
            }

            if (length > _message.Length)
            {
                length = _message.Length;
            }

            // The native side writes ASCII; decoding by hand avoids depending on System.Text on the device.
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)_message[i];
            }

            return new string(chars);
        }

        private static NativeSpotterException Missing(NotSupportedException e)
        {
            return new NativeSpotterException(InteropStatus.MissingFirmware, MissingFirmwareMessage, e);
        }
    }
}
