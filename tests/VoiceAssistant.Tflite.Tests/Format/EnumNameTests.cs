using Xunit;

namespace VoiceAssistant.Tflite.Tests.Format
{
    public class EnumNameTests
    {
        [Theory]
        [InlineData(1, "AVERAGE_POOL_2D")]
        [InlineData(3, "CONV_2D")]
        [InlineData(4, "DEPTHWISE_CONV_2D")]
        [InlineData(9, "FULLY_CONNECTED")]
        [InlineData(17, "MAX_POOL_2D")]
        [InlineData(22, "RESHAPE")]
        [InlineData(25, "SOFTMAX")]
        [InlineData(0, "ADD")]
        [InlineData(126, "BATCH_MATMUL")]
        [InlineData(21, "RELU6")]
        [InlineData(200, "OP_200")]
        public void OperatorNamesMatchTheSchema(int code, string name) => Assert.Equal(name, TfliteEnums.Name((BuiltinOperator)code));

        [Theory]
        [InlineData(9, "INT8", 1)]
        [InlineData(2, "INT32", 4)]
        [InlineData(0, "FLOAT32", 4)]
        [InlineData(7, "INT16", 2)]
        [InlineData(4, "INT64", 8)]
        public void TensorTypeNamesAndSizes(int type, string name, int size)
        {
            Assert.Equal(name, TfliteEnums.Name((TensorType)type));
            Assert.Equal(size, TfliteEnums.ElementSize((TensorType)type));
        }
    }
}
