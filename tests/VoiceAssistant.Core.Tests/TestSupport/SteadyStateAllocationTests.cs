using System;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Core.Tests.TestSupport
{
    /// <summary>The allocation probe the zero-allocation tests rely on must still see real allocations.</summary>
    public class SteadyStateAllocationTests
    {
        // Stored so the JIT cannot prove the arrays unused and drop or stack-allocate them.
        private static object _sink;

        [Fact]
        public void AnAllocationInEveryRoundIsReported()
        {
            long bytes = SteadyStateAllocation.Bytes(() => _sink = new byte[1000]);
            Assert.InRange(bytes, 1000, 1100);
        }

        [Fact]
        public void AnAllocationOnlyInTheFirstRoundsIsNot()
        {
            int calls = 0;
            long bytes = SteadyStateAllocation.Bytes(() =>
            {
                if (++calls <= 2)
                {
                    _sink = new byte[1000];
                }
            });
            Assert.Equal(0, bytes);
            Assert.Equal(3, calls);
        }

        [Fact]
        public void BadArgumentsAreRejected()
        {
            Assert.Throws<ArgumentNullException>(() => SteadyStateAllocation.Bytes(null));
            Assert.Throws<ArgumentOutOfRangeException>(() => SteadyStateAllocation.Bytes(() => { }, 0));
        }
    }
}
