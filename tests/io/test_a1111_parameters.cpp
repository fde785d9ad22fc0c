// The A1111 "parameters" text: the exact layout A1111 writes, its parser's reading of real strings
// (multi-line prompts, missing negative prompt, quoted values, unknown keys), and round trips.
#include <QtTest>

#include <fstream>
#include <nlohmann/json.hpp>

#include "common/fixtures.h"
#include "engine/error.h"
#include "engine/io/a1111_parameters.h"

using gesso::io::format_a1111;
using gesso::io::GenerationParameters;
using gesso::io::parse_a1111;

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

GenerationParameters typical() {
  GenerationParameters p;
  p.prompt = "a photo of an astronaut riding a horse on mars, (masterpiece:1.2), highly detailed";
  p.negative_prompt = "lowres, bad anatomy, blurry";
  p.steps = 20;
  p.sampler = "Euler a";
  p.cfg_scale = 7;
  p.seed = 1234;
  p.width = 512;
  p.height = 768;
  p.model_hash = "6ce0161689";
  p.model = "v1-5-pruned-emaonly";
  p.denoising_strength = 0.75;
  p.clip_skip = 2;
  return p;
}

}  // namespace

class TestA1111Parameters : public QObject {
  Q_OBJECT

 private slots:
  void formatsA1111Layout() {
    QCOMPARE(q(format_a1111(typical())),
             q("a photo of an astronaut riding a horse on mars, (masterpiece:1.2), highly detailed\n"
               "Negative prompt: lowres, bad anatomy, blurry\n"
               "Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1234, Size: 512x768, Model hash: 6ce0161689, "
               "Model: v1-5-pruned-emaonly, Denoising strength: 0.75, Clip skip: 2"));
  }

  void formatsNumbersAndOmissionsLikeA1111() {
    GenerationParameters p;
    p.prompt = "cat";
    p.steps = 30;
    p.sampler = "DPM++ 2M Karras";
    p.cfg_scale = 7.5;
    p.seed = 4294967295u;
    p.width = 768;
    p.height = 512;
    p.denoising_strength = 0.3;
    // No negative line, no model fields, no clip skip; 7.5 and 0.3 as Python prints them.
    QCOMPARE(q(format_a1111(p)),
             q("cat\nSteps: 30, Sampler: DPM++ 2M Karras, CFG scale: 7.5, Seed: 4294967295, Size: 768x512, "
               "Denoising strength: 0.3"));
  }

  // Hires. fix's keys and the inpainting options in A1111's own order, "Version" last; the rest
  // by name. The order is the text's only: parsing gives the same values back.
  void keepsA1111GroupOrder() {
    GenerationParameters p;
    p.prompt = "a cat";
    p.steps = 20;
    p.sampler = "Euler a";
    p.cfg_scale = 7;
    p.seed = 1;
    p.width = p.height = 512;
    p.denoising_strength = 0.5;
    for (const char* key : {"Zeta", "Version", "Hires upscaler", "Hires steps", "Hires upscale", "Masked content",
                            "Masked area padding", "Inpaint area", "Mask blur", "Batch size"})
      p.extra[key] = "1";
    const auto text = format_a1111(p);
    QCOMPARE(text, std::string("a cat\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 512x512, "
                               "Denoising strength: 0.5, Batch size: 1, Hires upscale: 1, Hires steps: 1, "
                               "Hires upscaler: 1, Mask blur: 1, Inpaint area: 1, Masked area padding: 1, "
                               "Masked content: 1, Zeta: 1, Version: 1"));
    QVERIFY(parse_a1111(text) == p);
  }

  void quotesValuesLikeA1111() {
    GenerationParameters p = typical();
    p.denoising_strength.reset();
    p.clip_skip.reset();
    p.extra["Lora hashes"] = "add_detail: 7c6bad76eb54, epiNoiseoffset_v2: d1131f7207d6";
    p.extra["Schedule type"] = "Karras";
    p.extra["Style"] = "say \"cheese\"";
    p.extra["Version"] = "v1.10.1";
    const std::string text = format_a1111(p);
    QVERIFY(text.find("Lora hashes: \"add_detail: 7c6bad76eb54, epiNoiseoffset_v2: d1131f7207d6\"") !=
            std::string::npos);
    QVERIFY(text.find("Schedule type: Karras, Style: \"say \\\"cheese\\\"\", Version: v1.10.1") != std::string::npos);
    QVERIFY(parse_a1111(text) == p);
  }

  void parsesRealA1111Strings() {
    // As A1111 1.x writes it for txt2img with hires fix, LoRA and a multi-line prompt.
    const std::string text =
        "masterpiece, best quality, 1girl, solo, <lora:add_detail:0.6>,\n"
        "cherry blossoms, (detailed background:1.1)\n"
        "Negative prompt: (worst quality, low quality:1.4), easynegative,\n"
        "watermark\n"
        "Steps: 28, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 6.5, Seed: 3826485921, "
        "Size: 512x768, Model hash: 7f96a1a9ca, Model: anything-v5, Denoising strength: 0.45, Clip skip: 2, "
        "Hires upscale: 2, Hires steps: 15, Hires upscaler: R-ESRGAN 4x+ Anime6B, "
        "Lora hashes: \"add_detail: 7c6bad76eb54\", Version: v1.7.0";
    const GenerationParameters p = parse_a1111(text);
    QCOMPARE(q(p.prompt), q("masterpiece, best quality, 1girl, solo, <lora:add_detail:0.6>,\n"
                            "cherry blossoms, (detailed background:1.1)"));
    QCOMPARE(q(p.negative_prompt), q("(worst quality, low quality:1.4), easynegative,\nwatermark"));
    QCOMPARE(p.steps, 28);
    QCOMPARE(q(p.sampler), q("DPM++ 2M"));
    QCOMPARE(p.cfg_scale, 6.5);
    QCOMPARE(p.seed, uint64_t{3826485921u});
    QCOMPARE(p.width, 512);
    QCOMPARE(p.height, 768);
    QCOMPARE(q(p.model_hash), q("7f96a1a9ca"));
    QCOMPARE(q(p.model), q("anything-v5"));
    QCOMPARE(p.denoising_strength.value(), 0.45);
    QCOMPARE(p.clip_skip.value(), 2);
    QCOMPARE(p.extra.size(), size_t{6});
    QCOMPARE(q(p.extra.at("Schedule type")), q("Karras"));
    QCOMPARE(q(p.extra.at("Hires upscaler")), q("R-ESRGAN 4x+ Anime6B"));
    QCOMPARE(q(p.extra.at("Lora hashes")), q("add_detail: 7c6bad76eb54"));
    QCOMPARE(q(p.extra.at("Version")), q("v1.7.0"));
  }

  void parsesOldStringWithoutNegative() {
    // Early 2022 A1111: no negative prompt, 8-digit model hash, "Batch size"/"Batch pos".
    const GenerationParameters p = parse_a1111(
        "a castle on a hill, matte painting, trending on artstation\n"
        "Steps: 50, Sampler: k_lms, CFG scale: 7.0, Seed: 965400086, Size: 512x512, Model hash: 45dee52b, "
        "Batch size: 4, Batch pos: 2\n");
    QCOMPARE(q(p.prompt), q("a castle on a hill, matte painting, trending on artstation"));
    QVERIFY(p.negative_prompt.empty());
    QCOMPARE(p.cfg_scale, 7.0);
    QCOMPARE(q(p.model_hash), q("45dee52b"));
    QVERIFY(p.model.empty());
    QVERIFY(!p.denoising_strength && !p.clip_skip);
    QCOMPARE(q(p.extra.at("Batch pos")), q("2"));
  }

  void parsesWindowsLineEndingsAndEmptyPrompt() {
    const GenerationParameters p = parse_a1111(
        "Negative prompt: ugly\r\nSteps: 10, Sampler: DDIM, CFG scale: 9, Seed: 1, Size: 640x448\r\n");
    QVERIFY(p.prompt.empty());
    QCOMPARE(q(p.negative_prompt), q("ugly"));
    QCOMPARE(p.steps, 10);
    QCOMPARE(p.width, 640);
    QCOMPARE(p.height, 448);
  }

  void promptWithoutParametersIsAllPrompt() {
    // Fewer than three "Key: value" on the last line: it is prompt, as A1111 decides.
    const GenerationParameters p = parse_a1111("portrait, style: oil\nlighting: soft, mood: calm");
    QCOMPARE(q(p.prompt), q("portrait, style: oil\nlighting: soft, mood: calm"));
    QCOMPARE(p.steps, 0);
    QVERIFY(p.extra.empty());
  }

  void roundTrips_data() {
    QTest::addColumn<int>("variant");
    for (int i = 0; i < 5; ++i) QTest::newRow(qPrintable(QString::number(i))) << i;
  }

  void roundTrips() {
    QFETCH(int, variant);
    GenerationParameters p = typical();
    switch (variant) {
      case 0: break;
      case 1:
        p.prompt = "line one, (x:1.1)\nline two: with colon\n\nline four after a blank";
        p.negative_prompt = "neg one\nneg two";
        break;
      case 2:
        p.negative_prompt.clear();
        p.model.clear();
        p.model_hash.clear();
        p.clip_skip.reset();
        p.cfg_scale = 4.25;
        p.seed = 18446744073709551615ull;
        break;
      case 3:
        p.prompt = "un café, 日本の庭園, emoji 🐱";
        p.sampler = "DPM++ SDE, Karras";  // a comma: quoted
        p.model = "my: model";            // a colon: quoted
        p.extra["Empty"] = "";
        p.extra["Edge spaces"] = "  padded  ";
        p.extra["Multi line"] = "first\nsecond";
        p.extra["Back\\slash"] = "";  // not a valid key: checked below
        p.extra.erase("Back\\slash");
        p.extra["Quote start"] = "\"quoted\" start";
        p.extra["Path-like/key"] = "C:\\models\\sd.safetensors";
        break;
      case 4:
        p.denoising_strength = 1e-5;
        p.cfg_scale = 0.1 + 0.2;  // 0.30000000000000004 must survive
        break;
    }
    const std::string text = format_a1111(p);
    const GenerationParameters back = parse_a1111(text);
    QVERIFY2(back == p, text.c_str());
    QCOMPARE(q(format_a1111(back)), q(text));
  }

  void rejectsWhatCannotBeReadBack() {
    GenerationParameters p = typical();
    p.extra["bad:key"] = "x";
    QVERIFY_THROWS_EXCEPTION(gesso::RequestError, format_a1111(p));
    p.extra.clear();
    p.extra["Steps"] = "5";
    QVERIFY_THROWS_EXCEPTION(gesso::RequestError, format_a1111(p));
    p.extra.clear();
    p.extra["x"] = "one character keys do not parse";
    QVERIFY_THROWS_EXCEPTION(gesso::RequestError, format_a1111(p));
  }

  void malformedKnownValuesAreErrors() {
    try {
      parse_a1111("p\nSteps: many, Sampler: Euler, CFG scale: 7, Seed: 1, Size: 512x512");
      QFAIL("no error");
    } catch (const gesso::RequestError& e) {
      QCOMPARE(q(e.field()), q("parameters"));
      QVERIFY(std::string(e.what()).find("Steps: many") != std::string::npos);
    }
    QVERIFY_THROWS_EXCEPTION(gesso::RequestError,
                             parse_a1111("p\nSteps: 5, Sampler: Euler, CFG scale: 7, Seed: 1, Size: 512 by 512"));
    QVERIFY_THROWS_EXCEPTION(gesso::RequestError,
                             parse_a1111("p\nSteps: 5, Sampler: Euler, CFG scale: nan, Seed: 1, Size: 8x8"));
    QVERIFY_THROWS_EXCEPTION(gesso::RequestError,
                             parse_a1111("p\nSteps: 5, Sampler: Euler, CFG scale: 7, Seed: -1, Size: 8x8"));
  }

  void matchesA1111ParserOnRandomStrings() {
    // tests/fixtures/image_fixture.py ran A1111's parser (its regex and unquote) on these strings.
    std::ifstream in(gesso::test::fixture_dir("image_fixture") / "a1111_cases.json");
    const auto cases = nlohmann::json::parse(in);
    QVERIFY(cases.size() >= 100);
    int with_params = 0;
    for (const auto& c : cases) {
      const std::string text = c.at("text").get<std::string>();
      const GenerationParameters p = parse_a1111(text);
      QVERIFY2(p.prompt == c.at("prompt").get<std::string>(), text.c_str());
      QVERIFY2(p.negative_prompt == c.at("negative").get<std::string>(), text.c_str());
      const auto expected = c.at("params").get<std::map<std::string, std::string>>();
      QVERIFY2(p.extra == expected, text.c_str());
      with_params += !expected.empty();
    }
    QVERIFY(with_params > 50);
  }

  void survivesHostileInput() {
    // Unterminated quotes, lone backslashes, colons everywhere: parsed without crashing.
    const std::string hostile = "x\nAa: \"unterminated, Bb: \\, Cc: \"\\\", Dd:: , Ee:\"\"\", Ff: \"a\"b, :Gg: 1";
    const GenerationParameters p = parse_a1111(hostile);
    QCOMPARE(q(p.extra.at("Aa")), q("\"unterminated"));  // not a closed quote: kept as written
    QCOMPARE(q(p.extra.at("Bb")), q("\\"));
    QVERIFY(parse_a1111("").prompt.empty());
    QVERIFY(parse_a1111(std::string(100000, '"')).extra.empty());
  }
};

QTEST_GUILESS_MAIN(TestA1111Parameters)
#include "test_a1111_parameters.moc"
