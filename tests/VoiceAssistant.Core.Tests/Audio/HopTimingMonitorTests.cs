using System;
using VoiceAssistant.Core.Audio;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Core.Tests.Audio
{
    public class HopTimingMonitorTests
    {
        [Fact]
        public void BudgetIsTwentyMilliseconds()
        {
            // 320 samples at 16 kHz.
            Assert.Equal(20000, HopTimingMonitor.HopBudgetMicroseconds);
        }

        [Fact]
        public void LoopWithinBudgetNeverReports()
        {
            var m = new HopTimingMonitor(5);
            for (int i = 0; i < 20; i++)
            {
                Assert.False(m.RecordHop(19999));
            }

            Assert.Equal(0, m.BacklogMicroseconds);
            Assert.Equal(19999, m.LastAverageMicroseconds);
        }

        [Fact]
        public void OverrunIsReportedAtTheEndOfTheWindowWithStatistics()
        {
            var m = new HopTimingMonitor(4);
            Assert.False(m.RecordHop(10000));
            Assert.False(m.RecordHop(25000)); // 5000 over
            Assert.False(m.RecordHop(12000)); // pays back 8000 -> backlog 0
            Assert.True(m.RecordHop(21000));  // 1000 over, left in the backlog
            // avg = (10000+25000+12000+21000)/4 = 17000
            Assert.Equal("LAG 17000 25000 2/4 1000", m.FormatReport());
        }

        [Fact]
        public void BacklogCarriesAcrossWindowsUntilPaidBack()
        {
            var m = new HopTimingMonitor(2);
            m.RecordHop(50000);
            Assert.True(m.RecordHop(20000));             // backlog 30000
            Assert.Equal(30000, m.LastBacklogMicroseconds);
            Assert.False(m.RecordHop(5000));             // mid-window: 15000 paid back
            Assert.True(m.RecordHop(10000));             // 15000 - 10000 = 5000 left
            Assert.Equal("LAG 7500 10000 0/2 5000", m.FormatReport());
            m.RecordHop(15000);
            Assert.False(m.RecordHop(20000));            // 5000 paid back exactly
            Assert.Equal(0, m.BacklogMicroseconds);
        }

        [Fact]
        public void NegativeTimesCountAsZeroAndResetClears()
        {
            var m = new HopTimingMonitor(1);
            Assert.False(m.RecordHop(-5));
            Assert.Equal(0, m.LastMaxMicroseconds);
            Assert.True(m.RecordHop(30000));
            m.Reset();
            Assert.Equal(0, m.BacklogMicroseconds);
            Assert.Equal("LAG 0 0 0/0 0", m.FormatReport());
            Assert.Throws<ArgumentOutOfRangeException>(() => new HopTimingMonitor(0));
        }

        [Fact]
        public void RecordingDoesNotAllocate()
        {
            var m = new HopTimingMonitor(50);
            Assert.Equal(0, SteadyStateAllocation.Bytes(() =>
            {
                for (int i = 0; i < 1000; i++)
                {
                    m.RecordHop(i * 37);
                }
            }));
        }
    }
}
