using System.IO;
using System.Text;
using VoiceAssistant.Board;
using Xunit;

namespace VoiceAssistant.Board.Tests
{
    public class DetectionMonitorTests
    {
        [Fact]
        public void RendersReportsFromAFakeSerialStream()
        {
            // As the port delivers it: CRLF endings, wire-protocol bytes before a line, debug noise in between.
            string serial = "VoiceAssistant 1.0.0 featureVersion 1 native contract 1\r\n"
                + "\u0001\u0002MSdbgV1DETECT yes 231 12340\r\n"
                + "some runtime chatter\r\n"
                + "WAKE 500\r\n"
                + "IDLE 5500\r\n"
                + "DETECT no 300 1\r\n"          // score out of range: not a detection
                + "LAG 22500 30000 1/2 5000 (loop behind real time: audio is being dropped)\r\n";
            var monitor = new DetectionMonitor();
            var output = new StringWriter();
            int detections = monitor.Run(new StreamReader(new MemoryStream(Encoding.ASCII.GetBytes(serial))), output);

            Assert.Equal(1, detections);
            string[] lines = output.ToString().Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(5, lines.Length);
            Assert.Equal("        VoiceAssistant 1.0.0 featureVersion 1 native contract 1", lines[0].TrimEnd('\r'));
            Assert.Equal("   12.34 s  DETECT  yes          score 231  ##############", lines[1].TrimEnd('\r'));
            Assert.Equal("    0.50 s  WAKE    listening...", lines[2].TrimEnd('\r'));
            Assert.Equal("    5.50 s  IDLE    wake timed out", lines[3].TrimEnd('\r'));
            Assert.StartsWith("        LAG 22500 30000 1/2 5000", lines[4]);
        }

        [Fact]
        public void ShowAllKeepsOtherLines()
        {
            var monitor = new DetectionMonitor { ShowAll = true };
            Assert.Equal("        | some runtime chatter", monitor.Render("some runtime chatter\r"));
            Assert.Null(new DetectionMonitor().Render("some runtime chatter"));
            Assert.Null(monitor.Render(null));
        }
    }
}
