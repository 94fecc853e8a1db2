using Xunit;

namespace VoiceAssistant.Tflite.Tests
{
    public class ModelExceptionTests
    {
        [Fact]
        public void CarriesTheMessage()
        {
            Assert.Equal("tensor 3: bad", new ModelException("tensor 3: bad").Message);
        }
    }
}
