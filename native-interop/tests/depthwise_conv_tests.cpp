// va::depthwise_conv_s8 (kernels/) against two independent oracles: the golden vectors of the real TFLM interpreter
// in ../shared/golden (all 74 micro_speech cases, DepthwiseConv2D+ReLU output), and TFLM's own reference kernel
// (reference_integer_ops::DepthwiseConvPerChannel and MultiplyByQuantizedMultiplier, compiled from the pinned
// tflite-micro sources in ../shared/vendor) on random tensors, quantisation and shapes. Missing ../shared: the tests
// fail when CI=true and skip elsewhere.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "depthwise_conv_s8.h"
#include "json_lite.h"
#include "shared_data.h"

#if VA_TFLM_REFERENCE
#include "tensorflow/lite/kernels/internal/reference/integer_ops/depthwise_conv.h"
#endif

namespace
{
// The keyword model's first layer: 49x40 input, 10x8 filter, stride 2, SAME padding as TFLM's Prepare computes
// it (height 4, width 3), 25x20x8 output; quantisation left empty.
va::DepthwiseS8Params tiny_conv_geometry()
{
    return {1, 49, 40, 10, 8, 25, 20, 2, 2, 4, 3, 0, 0, -128, 127, nullptr, nullptr};
}

// The model's first layer as TFLM prepared it, read from golden/micro_speech/model_facts.json.
struct GoldenLayer
{
    std::vector<int8_t> filter;
    std::vector<int32_t> bias;
    std::vector<int32_t> multiplier;
    std::vector<int32_t> shift;
    va::DepthwiseS8Params params{};
};

const json_lite::Value &tensor(const json_lite::Value &facts, int index)
{
    for (const json_lite::Value &t : facts["tensors"].items)
    {
        if (static_cast<int>(t["index"].number) == index)
        {
            return t;
        }
    }
    throw std::runtime_error("tensor not in model_facts.json");
}

GoldenLayer golden_layer(const json_lite::Value &facts)
{
    GoldenLayer g;
    // Operator 1 is DEPTHWISE_CONV_2D: inputs (4 input, 8 filter, 0 bias), output 2; stride 2, SAME, ReLU.
    const json_lite::Value &op = facts["kernel_prepare_params"]["operators"][1];
    g.filter = tensor(facts, 8)["data"].as_vector<int8_t>();
    g.bias = tensor(facts, 0)["data"].as_vector<int32_t>();
    g.multiplier = op["per_channel_output_multiplier"].as_vector<int32_t>();
    g.shift = op["per_channel_output_shift"].as_vector<int32_t>();
    g.params = tiny_conv_geometry();
    va::DepthwiseS8Params &p = g.params;
    p.padHeight = static_cast<int>(op["padding"]["height"].number);
    p.padWidth = static_cast<int>(op["padding"]["width"].number);
    p.inputOffset = -static_cast<int32_t>(op["input_zero_point"].number);
    p.outputOffset = static_cast<int32_t>(op["output_zero_point"].number);
    p.activationMin = static_cast<int32_t>(op["output_activation_min"].number);
    p.activationMax = static_cast<int32_t>(op["output_activation_max"].number);
    p.outputMultiplier = g.multiplier.data();
    p.outputShift = g.shift.data();
    return g;
}

// Runs every golden case through the kernel; returns the number of output values that differ from TFLM's.
struct GoldenRun
{
    int cases = 0;
    long long values = 0;
    long long differing = 0;
    int nonZeroOutputs = 0; // outputs above the ReLU floor: the comparison is not all -128 against all -128
};

GoldenRun run_golden(const json_lite::Value &facts, const json_lite::Value &cases, const va::DepthwiseS8Params *override)
{
    GoldenLayer g = golden_layer(facts);
    va::DepthwiseS8Params p = override != nullptr ? *override : g.params;
    p.outputMultiplier = g.multiplier.data();
    p.outputShift = g.shift.data();
    GoldenRun r;
    std::vector<int8_t> out(25 * 20 * 8);
    for (const json_lite::Value &c : cases["cases"].items)
    {
        const std::vector<int8_t> input = c["input"].as_vector<int8_t>();
        const std::vector<int8_t> expected = c["intermediates"]["2"].as_vector<int8_t>();
        if (input.size() != 1960 || expected.size() != out.size())
        {
            throw std::runtime_error("golden case has unexpected sizes");
        }
        va::depthwise_conv_s8(p, input.data(), g.filter.data(), g.bias.data(), out.data());
        for (size_t i = 0; i < out.size(); ++i)
        {
            r.differing += out[i] != expected[i] ? 1 : 0;
            r.nonZeroOutputs += expected[i] != -128 ? 1 : 0;
        }
        r.values += static_cast<long long>(out.size());
        ++r.cases;
    }
    return r;
}

class GoldenVectors : public ::testing::Test
{
  protected:
    bool load()
    {
        std::string factsText;
        std::string casesText;
        const std::string dir = va_test::shared_path("golden/micro_speech/");
        if (!va_test::read_text(dir + "model_facts.json", factsText) || !va_test::read_text(dir + "cases.json", casesText))
        {
            return false;
        }
        facts_ = json_lite::Parser(factsText).parse();
        cases_ = json_lite::Parser(casesText).parse();
        return true;
    }
    json_lite::Value facts_;
    json_lite::Value cases_;
};
} // namespace

TEST_F(GoldenVectors, DepthwiseConvS8EqualsTflmOnEveryMicroSpeechCase)
{
    VA_REQUIRE_SHARED(load(), "golden/micro_speech/{model_facts,cases}.json");
    const GoldenRun r = run_golden(facts_, cases_, nullptr);
    EXPECT_EQ(r.cases, 74);
    EXPECT_EQ(r.values, 74LL * 4000);
    EXPECT_EQ(r.differing, 0) << "of " << r.values << " DepthwiseConv2D+ReLU outputs";
    EXPECT_GT(r.nonZeroOutputs, 10000) << "the golden outputs must not be the ReLU floor everywhere";
}

TEST_F(GoldenVectors, GoldenComparisonDetectsAWrongPaddingOrRounding)
{
    // The comparison above can fail: one row of padding less, or one rounding bit less, changes outputs.
    VA_REQUIRE_SHARED(load(), "golden/micro_speech/{model_facts,cases}.json");
    va::DepthwiseS8Params p = golden_layer(facts_).params;
    p.padHeight -= 1;
    EXPECT_GT(run_golden(facts_, cases_, &p).differing, 1000);
    p = golden_layer(facts_).params;
    p.outputOffset += 1;
    EXPECT_GT(run_golden(facts_, cases_, &p).differing, 10000);
}

#if VA_TFLM_REFERENCE
namespace
{
struct RandomCase
{
    va::DepthwiseS8Params p{};
    std::vector<int8_t> input, filter;
    std::vector<int32_t> bias, multiplier, shift;
    bool withBias = true;
};

// Quantisation as TFLM's Prepare produces it: multiplier in [2^30, 2^31) (or 0), shift in [-31, 7]; bias and
// shifts bounded so that x * 2^left_shift never overflows int32 (undefined in the reference).
void randomise_quantisation(RandomCase &c, std::mt19937 &rng)
{
    std::uniform_int_distribution<int32_t> mult(1 << 30, INT32_MAX);
    std::uniform_int_distribution<int> shift(-31, 2);
    std::uniform_int_distribution<int32_t> bias(-(1 << 20), 1 << 20);
    std::uniform_int_distribution<int> zp(-128, 127);
    c.multiplier.resize(va::kDepthwiseChannels);
    c.shift.resize(va::kDepthwiseChannels);
    c.bias.resize(va::kDepthwiseChannels);
    for (int i = 0; i < va::kDepthwiseChannels; ++i)
    {
        c.multiplier[i] = rng() % 17 == 0 ? 0 : mult(rng);
        c.shift[i] = rng() % 3 == 0 ? -10 + static_cast<int>(rng() % 4) : shift(rng);
        c.bias[i] = bias(rng);
    }
    c.p.inputOffset = -zp(rng);
    c.p.outputOffset = zp(rng);
    c.p.activationMin = rng() % 2 == 0 ? -128 : zp(rng);
    c.p.activationMax = 127;
    if (c.p.activationMin > 100)
    {
        c.p.activationMin = 100;
    }
    c.withBias = rng() % 5 != 0;
}

void randomise_data(RandomCase &c, std::mt19937 &rng)
{
    std::uniform_int_distribution<int> v(-128, 127);
    c.input.resize(static_cast<size_t>(c.p.batches * c.p.inputHeight * c.p.inputWidth));
    c.filter.resize(static_cast<size_t>(c.p.filterHeight * c.p.filterWidth * va::kDepthwiseChannels));
    const int pattern = static_cast<int>(rng() % 4); // random, all min, all max, sparse extremes
    for (int8_t &x : c.input)
    {
        x = static_cast<int8_t>(pattern == 0 ? v(rng) : pattern == 1 ? -128 : pattern == 2 ? 127 : (rng() % 7 == 0 ? 127 : -128));
    }
    for (int8_t &w : c.filter)
    {
        w = static_cast<int8_t>(v(rng));
    }
    c.p.outputMultiplier = c.multiplier.data();
    c.p.outputShift = c.shift.data();
}

std::vector<int8_t> run_reference(const RandomCase &c)
{
    const va::DepthwiseS8Params &p = c.p;
    tflite::DepthwiseParams op{};
    op.stride_width = static_cast<int16_t>(p.strideWidth);
    op.stride_height = static_cast<int16_t>(p.strideHeight);
    op.dilation_width_factor = 1;
    op.dilation_height_factor = 1;
    op.padding_values.width = static_cast<int16_t>(p.padWidth);
    op.padding_values.height = static_cast<int16_t>(p.padHeight);
    op.depth_multiplier = va::kDepthwiseChannels;
    op.input_offset = p.inputOffset;
    op.output_offset = p.outputOffset;
    op.quantized_activation_min = p.activationMin;
    op.quantized_activation_max = p.activationMax;
    const int32_t inDims[4] = {p.batches, p.inputHeight, p.inputWidth, 1};
    const int32_t fDims[4] = {1, p.filterHeight, p.filterWidth, va::kDepthwiseChannels};
    const int32_t bDims[1] = {va::kDepthwiseChannels};
    const int32_t oDims[4] = {p.batches, p.outputHeight, p.outputWidth, va::kDepthwiseChannels};
    std::vector<int8_t> out(static_cast<size_t>(p.batches * p.outputHeight * p.outputWidth * va::kDepthwiseChannels));
    tflite::reference_integer_ops::DepthwiseConvPerChannel(
        op, c.multiplier.data(), c.shift.data(), tflite::RuntimeShape(4, inDims), c.input.data(),
        tflite::RuntimeShape(4, fDims), c.filter.data(), tflite::RuntimeShape(1, bDims),
        c.withBias ? c.bias.data() : nullptr, tflite::RuntimeShape(4, oDims), out.data());
    return out;
}

std::vector<int8_t> run_kernel(const RandomCase &c)
{
    std::vector<int8_t> out(static_cast<size_t>(c.p.batches * c.p.outputHeight * c.p.outputWidth * va::kDepthwiseChannels), 0x55);
    va::depthwise_conv_s8(c.p, c.input.data(), c.filter.data(), c.withBias ? c.bias.data() : nullptr, out.data());
    return out;
}

int count_differences(const std::vector<int8_t> &a, const std::vector<int8_t> &b)
{
    int n = 0;
    for (size_t i = 0; i < a.size(); ++i)
    {
        n += a[i] != b[i] ? 1 : 0;
    }
    return n + static_cast<int>(a.size() > b.size() ? a.size() - b.size() : b.size() - a.size());
}
} // namespace

TEST(DepthwiseConvS8VsTflmReference, TinyConvShapeWithRandomTensorsAndQuantisation)
{
    std::mt19937 rng(12);
    long long values = 0;
    for (int trial = 0; trial < 200; ++trial)
    {
        RandomCase c;
        c.p = tiny_conv_geometry();
        randomise_quantisation(c, rng);
        randomise_data(c, rng);
        const std::vector<int8_t> expected = run_reference(c);
        ASSERT_EQ(count_differences(run_kernel(c), expected), 0) << "trial " << trial;
        values += static_cast<long long>(expected.size());
    }
    EXPECT_EQ(values, 200LL * 4000);
}

TEST(DepthwiseConvS8VsTflmReference, OtherShapesStridesAndPaddings)
{
    std::mt19937 rng(1212);
    for (int trial = 0; trial < 2000; ++trial)
    {
        RandomCase c;
        va::DepthwiseS8Params &p = c.p;
        p.batches = 1 + static_cast<int>(rng() % 2);
        p.inputHeight = 1 + static_cast<int>(rng() % 16);
        p.inputWidth = 1 + static_cast<int>(rng() % 16);
        p.filterHeight = 1 + static_cast<int>(rng() % 6);
        p.filterWidth = 1 + static_cast<int>(rng() % 6);
        p.strideHeight = 1 + static_cast<int>(rng() % 3);
        p.strideWidth = 1 + static_cast<int>(rng() % 3);
        p.padHeight = static_cast<int>(rng() % static_cast<unsigned>(p.filterHeight));
        p.padWidth = static_cast<int>(rng() % static_cast<unsigned>(p.filterWidth));
        // Output sizes from VALID up to beyond SAME, so windows hang over every border (even fully outside).
        p.outputHeight = 1 + static_cast<int>(rng() % static_cast<unsigned>((p.inputHeight + 2 * p.padHeight) / p.strideHeight + 1));
        p.outputWidth = 1 + static_cast<int>(rng() % static_cast<unsigned>((p.inputWidth + 2 * p.padWidth) / p.strideWidth + 1));
        randomise_quantisation(c, rng);
        randomise_data(c, rng);
        ASSERT_EQ(count_differences(run_kernel(c), run_reference(c)), 0) << "trial " << trial;
    }
}

TEST(DepthwiseConvS8VsTflmReference, MultiplyByQuantizedMultiplierEqualsTflm)
{
    std::mt19937 rng(7);
    std::uniform_int_distribution<int32_t> anyInt(INT32_MIN, INT32_MAX);
    std::uniform_int_distribution<int32_t> mult(0, INT32_MAX);
    std::uniform_int_distribution<int> rightShift(-31, 0);
    for (int i = 0; i < 1000000; ++i)
    {
        const int32_t x = anyInt(rng);
        const int32_t m = i % 1000 == 0 ? INT32_MAX : mult(rng);
        const int s = rightShift(rng);
        ASSERT_EQ(va::multiply_by_quantized_multiplier(x, m, s), tflite::MultiplyByQuantizedMultiplier(x, m, s))
            << x << " " << m << " " << s;
        // Left shifts only where x * 2^s fits (TFLM's multiply would overflow otherwise).
        const int ls = static_cast<int>(rng() % 8);
        const int32_t small = x / (1 << ls);
        ASSERT_EQ(va::multiply_by_quantized_multiplier(small, m, ls), tflite::MultiplyByQuantizedMultiplier(small, m, ls));
    }
}

TEST(DepthwiseConvS8VsTflmReference, ComparisonDetectsAWrongFilterTap)
{
    // The comparison can fail: the centre tap of channel 0 off by one changes most channel-0 outputs (small values,
    // unit scale, so |x| / 8 of a difference survives the requantisation).
    std::mt19937 rng(99);
    RandomCase c;
    c.p = {1, 12, 10, 3, 3, 12, 10, 1, 1, 1, 1, 0, 0, -128, 127, nullptr, nullptr};
    c.multiplier.assign(va::kDepthwiseChannels, 1 << 30);
    c.shift.assign(va::kDepthwiseChannels, -2);
    c.bias.assign(va::kDepthwiseChannels, 0);
    c.p.outputMultiplier = c.multiplier.data();
    c.p.outputShift = c.shift.data();
    c.input.resize(12 * 10);
    c.filter.resize(3 * 3 * va::kDepthwiseChannels);
    for (int8_t &x : c.input)
    {
        x = static_cast<int8_t>(static_cast<int>(rng() % 64) - 32);
    }
    for (int8_t &w : c.filter)
    {
        w = static_cast<int8_t>(static_cast<int>(rng() % 9) - 4);
    }
    const std::vector<int8_t> expected = run_reference(c);
    ASSERT_EQ(count_differences(run_kernel(c), expected), 0);
    c.filter[4 * va::kDepthwiseChannels] = static_cast<int8_t>(c.filter[4 * va::kDepthwiseChannels] + 1);
    EXPECT_GT(count_differences(run_kernel(c), expected), 60);
}
#else
TEST(DepthwiseConvS8VsTflmReference, NeedsTheTflmSourcesInSharedVendor)
{
    VA_REQUIRE_SHARED(false, "vendor/nanoframework-posix-kit/src/tflite-micro (TFLM's reference kernel)");
}
#endif
