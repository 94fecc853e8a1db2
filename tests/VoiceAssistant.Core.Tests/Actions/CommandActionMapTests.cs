using System;
using VoiceAssistant.Core.Actions;
using Xunit;

namespace VoiceAssistant.Core.Tests.Actions
{
    public class CommandActionMapTests
    {
        [Fact]
        public void DefaultMapsYesToOnAndNoToOff()
        {
            var map = CommandActionMap.CreateDefault();
            Assert.Equal(ActionKind.LedOn, map.Get("yes"));
            Assert.Equal(ActionKind.LedOff, map.Get("no"));
            Assert.Equal(ActionKind.None, map.Get("Yes"));
            Assert.Equal(ActionKind.None, map.Get("silence"));
            Assert.Equal(ActionKind.None, map.Get(null));
            Assert.Equal(2, map.Count);
        }

        [Fact]
        public void SetReplacesAndGrows()
        {
            var map = CommandActionMap.CreateDefault();
            map.Set("yes", ActionKind.LedOff);
            Assert.Equal(ActionKind.LedOff, map.Get("yes"));
            Assert.Equal(2, map.Count);

            for (int i = 0; i < 20; i++)
            {
                map.Set("cmd" + i, i % 2 == 0 ? ActionKind.LedOn : ActionKind.LedOff);
            }

            Assert.Equal(22, map.Count);
            for (int i = 0; i < 20; i++)
            {
                Assert.Equal(i % 2 == 0 ? ActionKind.LedOn : ActionKind.LedOff, map.Get("cmd" + i));
            }

            Assert.Equal(ActionKind.LedOff, map.Get("no"));
            Assert.Equal(ActionKind.None, new CommandActionMap().Get("yes"));
            Assert.Throws<ArgumentNullException>(() => map.Set(null, ActionKind.LedOn));
        }
    }
}
