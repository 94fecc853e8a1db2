using VoiceAssistant.Core.Loop;
using VoiceAssistant.Core.Model;
using VoiceAssistant.Core.Settings;
using VoiceAssistant.Interop;

namespace Consumer
{
    // Uses both packages the way an app does: the core's settings and loop types, the interop's spotter.
    public static class Wiring
    {
        public static IKeywordSpotter Spotter(AssistantSettings settings) => new NativeKeywordSpotter(settings, new[] { "_silence_", "_unknown_", "yes", "no" }, 0.33644798f, 50);

        public static int RowsPerInvoke(AssistantSettings settings) => settings.InvokeEveryRows;

        public static System.Type LoopType() => typeof(HopLoop);
    }
}
