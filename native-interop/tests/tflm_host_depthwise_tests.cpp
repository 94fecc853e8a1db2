// The TFLM host with our DepthwiseConv2D registration inside the real TFLM interpreter (pinned sources from
// ../shared/vendor): the golden model's outputs on all 74 golden cases, and the shipped model's DepthwiseConv2D
// output tensor equal to a second interpreter running TFLM's reference registration. Missing ../shared: fail when
// CI=true, skip elsewhere.
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "depthwise_conv_op.h"
#include "json_lite.h"
#include "shared_data.h"
#include "tflm_host.h"
#include "tflm_runner.h"

namespace
{
const char *kGoldenModel = "models/tflm_micro_speech/micro_speech_quantized.tflite";
const std::string kShippedModel = std::string(VA_REPO_DIR) + "/models/yes-no/model.tflite";

// Fills the interpreter's input, runs it and returns the int8 tensor `index` (output or preserved intermediate).
std::vector<int8_t> run(va_test::TflmRunner &r, const std::vector<int8_t> &input, int index)
{
    tflite::MicroInterpreter &in = r.interpreter();
    std::memcpy(in.input(0)->data.int8, input.data(), input.size());
    if (in.Invoke() != kTfLiteOk)
    {
        return {};
    }
    const TfLiteEvalTensor *t = in.GetTensor(index);
    size_t n = 1;
    for (int i = 0; i < t->dims->size; ++i)
    {
        n *= static_cast<size_t>(t->dims->data[i]);
    }
    return std::vector<int8_t>(t->data.int8, t->data.int8 + n);
}
} // namespace

TEST(TflmHostDepthwise, GoldenModelScoresEqualTflmOnEveryCase)
{
    const std::vector<uint8_t> model = va_test::read_bytes(va_test::shared_path(kGoldenModel));
    std::string casesText;
    VA_REQUIRE_SHARED(!model.empty() && va_test::read_text(va_test::shared_path("golden/micro_speech/cases.json"), casesText),
                      "micro_speech model and golden/micro_speech/cases.json");
    const json_lite::Value cases = json_lite::Parser(casesText).parse();

    va::TflmHost host;
    ASSERT_EQ(host.load(model.data(), model.size(), 10240, 1960), va::kOk) << host.last_error();
    // Same Init/Prepare as the reference: the arena use TFLM recorded for this model (x86-64) is unchanged.
    EXPECT_EQ(host.arena_used_bytes(), 7312);
    const unsigned before = va::depthwise_conv_s8_evaluations();
    int compared = 0;
    for (const json_lite::Value &c : cases["cases"].items)
    {
        const std::vector<int8_t> input = c["input"].as_vector<int8_t>();
        const std::vector<int8_t> expected = c["output"].as_vector<int8_t>();
        int8_t scores[4] = {0, 0, 0, 0};
        ASSERT_EQ(host.invoke(input.data(), scores, 4), va::kOk);
        EXPECT_EQ(std::vector<int8_t>(scores, scores + 4), expected) << c["name"].text;
        ++compared;
    }
    EXPECT_EQ(compared, 74);
    EXPECT_EQ(va::depthwise_conv_s8_evaluations() - before, 74u) << "every Invoke must take the va::depthwise_conv_s8 path";
}

TEST(TflmHostDepthwise, ShippedModelDepthwiseOutputEqualsTflmReferenceRegistration)
{
    va_test::TflmRunner ours;
    va_test::TflmRunner reference;
    ASSERT_TRUE(ours.load(kShippedModel, true, true)) << kShippedModel;
    ASSERT_TRUE(reference.load(kShippedModel, false, true));
    const int depthwise = ours.depthwise_output_tensor();
    ASSERT_GE(depthwise, 0);
    const int output = static_cast<int>(ours.interpreter().outputs()[0]);
    const unsigned before = va::depthwise_conv_s8_evaluations();
    std::mt19937 rng(2024);
    for (int trial = 0; trial < 100; ++trial)
    {
        std::vector<int8_t> input(1960);
        for (int8_t &x : input)
        {
            x = static_cast<int8_t>(static_cast<int>(rng() % 256) - 128);
        }
        const std::vector<int8_t> a = run(ours, input, depthwise);
        const std::vector<int8_t> b = run(reference, input, depthwise);
        ASSERT_EQ(a.size(), 4000u);
        ASSERT_EQ(a, b) << "trial " << trial;
        ASSERT_EQ(run(ours, input, output), run(reference, input, output)) << "trial " << trial;
    }
    EXPECT_EQ(va::depthwise_conv_s8_evaluations() - before, 200u);
}
