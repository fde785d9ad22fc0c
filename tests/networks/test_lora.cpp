// LoRA (tests/fixtures/lora_fixture.py): kohya / A1111 files (SD 1.x with diffusers names and
// LoCon convolutions, SDXL with SGM names and both text encoders) and diffusers / PEFT files merged
// as diffusers' load_lora_weights + fuse_lora merges them, LyCORIS LoHa and LoKr as their formulas
// say; the exact restore after 100 switches; offloaded host copies; <lora:name:w> in a prompt
// against diffusers' image; and what a user meets: a LoRA of another family, keys that match
// nothing, a name the library lacks.
#include <QtTest>

#include <c10/core/InferenceMode.h>
#include <torch/torch.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "common/fixtures.h"
#include "engine/io/safetensors.h"
#include "engine/networks/extra_networks.h"
#include "engine/pipelines/lora_loader.h"
#include "engine/pipelines/model_bundle.h"
#include "engine/pipelines/stable_diffusion_pipeline.h"

using namespace gesso;
namespace fs = std::filesystem;

namespace {

fs::path dir() { return test::fixture_dir("lora"); }
std::string lora_dir() { return (dir() / "loras").string(); }

std::unique_ptr<pipelines::ModelBundle> load(const std::string& model, runtime::Offload offload = runtime::Offload::kNone) {
  runtime::RuntimeOptions o;
  o.offload = offload;
  return pipelines::load_model_bundle((dir() / model).string(), torch::kCPU, o);
}

pipelines::ResolvedLora lora(const std::string& name, double text, double unet) {
  return {{.name = name, .text_multiplier = text, .unet_multiplier = unet}, (dir() / "loras" / (name + ".safetensors")).string()};
}
pipelines::ResolvedLora lora(const std::string& name, double scale) { return lora(name, scale, scale); }

// The model's weights as the loaded modules hold them, by "<component>.<parameter>".
std::map<std::string, torch::Tensor> weights(pipelines::ModelBundle& m) {
  std::map<std::string, torch::Tensor> out;
  for (const auto& [component, module] : m.components())
    for (const auto& p : module->named_parameters(true)) out[component + "." + p.key()] = p.value();
  return out;
}

std::map<std::string, torch::Tensor> snapshot(pipelines::ModelBundle& m) {
  auto w = weights(m);
  for (auto& [name, t] : w) t = t.clone();
  return w;
}

double max_abs(const torch::Tensor& a, const torch::Tensor& b) {
  return (a.to(torch::kDouble) - b.to(torch::kDouble)).abs().max().item<double>();
}

// Every weight of the reference file within `tolerance` of the model's; returns how many differ
// from `before` (those the LoRA changed).
int expect_weights(pipelines::ModelBundle& m, const std::string& reference, double tolerance,
                   const std::map<std::string, torch::Tensor>& before) {
  const auto ref = io::SafetensorsFile::open((dir() / "expected" / (reference + ".safetensors")).string());
  const auto got = weights(m);
  int changed = 0, compared = 0;
  double worst = 0;
  for (const auto& info : ref.tensors()) {
    const auto& name = info.name;
    auto it = got.find(name);
    // transformers 5 writes CLIPTextModel's state dict without its "text_model." level.
    if (it == got.end() && name.rfind("text_encoder.", 0) == 0) it = got.find("text_encoder.text_model." + name.substr(13));
    if (it == got.end()) continue;  // parts Gesso does not load (position_ids)
    ++compared;
    const auto want = ref.view(name);
    const double err = max_abs(it->second, want);
    worst = std::max(worst, err);
    if (err > tolerance) {
      QTest::qFail(qPrintable(QString::fromStdString(reference + ": " + name + " off by " + std::to_string(err))), __FILE__, __LINE__);
      return -1;
    }
    if (!torch::equal(before.at(it->first), it->second)) ++changed;
  }
  qInfo("%s: %d weights compared, worst max abs difference %.3g", reference.c_str(), compared, worst);
  if (compared < 100) {
    QTest::qFail(qPrintable(QString::fromStdString(reference + ": only " + std::to_string(compared) + " weights compared")), __FILE__, __LINE__);
    return -1;
  }
  return changed;
}

nlohmann::json json_of(const std::string& name) {
  std::ifstream in(dir() / name);
  return nlohmann::json::parse(in);
}

}  // namespace

class TestLora : public QObject {
  Q_OBJECT

 private slots:
  void mergesAsDiffusers_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("file");
    QTest::addColumn<double>("scale");
    QTest::newRow("sd1 kohya + LoCon") << "sd1" << "sd1_kohya" << 0.8;
    QTest::newRow("sd1 kohya negative") << "sd1" << "sd1_kohya" << -0.5;
    QTest::newRow("sd1 peft") << "sd1" << "sd1_peft" << 0.8;
    QTest::newRow("sdxl kohya (SGM names)") << "sdxl" << "sdxl_kohya" << 0.8;
    QTest::newRow("sdxl peft") << "sdxl" << "sdxl_peft" << 0.8;
    QTest::newRow("sd1 LoHa") << "sd1" << "sd1_loha" << 0.8;
    QTest::newRow("sd1 LoKr") << "sd1" << "sd1_lokr" << 0.8;
  }

  // Every weight as diffusers' fuse_lora leaves it (LoHa / LoKr: as the fixture's formulas), and
  // every module of the file used.
  void mergesAsDiffusers() {
    QFETCH(QString, model);
    QFETCH(QString, file);
    QFETCH(double, scale);
    auto m = load(model.toStdString());
    const auto before = snapshot(*m);
    const auto version = m->weights_version;
    const auto notes = pipelines::apply_loras(*m, {lora(file.toStdString(), scale)});
    QVERIFY2(notes.empty(), notes.empty() ? "" : notes.front().c_str());
    QVERIFY(m->weights_version > version);
    const int changed = expect_weights(*m, file.toStdString() + "@" + QString::number(scale).toStdString(), 2e-6, before);
    int modules = 0;
    for (const auto& entry : json_of("loras.json"))
      if (entry["file"] == file.toStdString() + ".safetensors") modules = entry["modules"];
    QVERIFY(modules > 0);
    QCOMPARE(changed, modules);
  }

  // Separate multipliers for the text encoders and the UNet (<lora:name:te:unet>), and a second
  // apply of the same set changes nothing.
  void textAndUNetMultipliers() {
    auto m = load("sd1");
    const auto before = snapshot(*m);
    pipelines::apply_loras(*m, {lora("sd1_kohya", 0.0, 0.8)});
    auto w = weights(*m);
    QVERIFY(torch::equal(w.at("text_encoder.text_model.encoder.layers.0.self_attn.q_proj.weight"),
                         before.at("text_encoder.text_model.encoder.layers.0.self_attn.q_proj.weight")));
    const auto unet_key = "unet.down_blocks.0.attentions.0.transformer_blocks.0.attn1.to_q.weight";
    QVERIFY(!torch::equal(w.at(unet_key), before.at(unet_key)));
    const auto version = m->weights_version;
    pipelines::apply_loras(*m, {lora("sd1_kohya", 0.0, 0.8)});
    QCOMPARE(m->weights_version, version);
  }

  // 100 switches between sets (several LoRAs at once among them), then none: every weight is bit
  // for bit the fresh load's.
  void exactRestore() {
    auto m = load("sd1");
    const auto fresh = snapshot(*load("sd1"));
    const std::vector<std::vector<pipelines::ResolvedLora>> sets{
        {lora("sd1_kohya", 0.8)}, {lora("sd1_peft", 0.5)}, {lora("sd1_loha", 1.0)}, {lora("sd1_lokr", -0.3)},
        {lora("sd1_kohya", 0.3), lora("sd1_peft", 0.7)}, {}, {lora("sd1_kohya", 1.7, 0.2)}};
    for (int i = 0; i < 100; ++i) pipelines::apply_loras(*m, sets[static_cast<std::size_t>(i) % sets.size()]);
    pipelines::apply_loras(*m, {});
    for (const auto& [name, t] : weights(*m)) QVERIFY2(torch::equal(t, fresh.at(name)), name.c_str());
    // And a set applied after all that is the set applied to a fresh model.
    pipelines::apply_loras(*m, {lora("sd1_kohya", 0.8)});
    QVERIFY(expect_weights(*m, "sd1_kohya@0.8", 2e-6, fresh) > 0);
  }

  // With model or sequential CPU offload the weights wait in (pinned) host copies: those are what
  // the LoRA patches, so the uploads carry it.
  void offloadedHostCopies_data() {
    QTest::addColumn<int>("offload");
    QTest::newRow("model") << int(runtime::Offload::kModel);
    QTest::newRow("sequential") << int(runtime::Offload::kSequential);
  }

  void offloadedHostCopies() {
    QFETCH(int, offload);
    auto m = load("sd1", static_cast<runtime::Offload>(offload));
    const auto before = snapshot(*m);
    pipelines::apply_loras(*m, {lora("sd1_kohya", 0.8)});
    QVERIFY(expect_weights(*m, "sd1_kohya@0.8", 2e-6, before) > 0);
    auto* unet = m->offloads.find("unet");
    QVERIFY(unet);
    const auto& host = unet->host_weights();
    const auto params = m->unet->parameters();
    QVERIFY(!host.empty());
    // The module's weights are the host copies themselves between uses.
    QCOMPARE(host.front().data_ptr(), params.front().data_ptr());
    pipelines::apply_loras(*m, {});
    for (const auto& [name, t] : weights(*m)) QVERIFY2(torch::equal(t, before.at(name)), name.c_str());
  }

  // "<lora:sd1_kohya:0.7> a photo of a cat" through the pipeline: diffusers' latents after its
  // fuse_lora at 0.7 (SD 1.x and SDXL).
  void promptTagMatchesDiffusers_data() {
    QTest::addColumn<int>("index");
    const auto cases = json_of("cases.json");
    for (int i = 0; i < static_cast<int>(cases.size()); ++i)
      QTest::newRow(cases[static_cast<std::size_t>(i)]["name"].get<std::string>().c_str()) << i;
  }

  void promptTagMatchesDiffusers() {
    QFETCH(int, index);
    const auto c = json_of("cases.json")[static_cast<std::size_t>(index)];
    pipelines::GenerationRequest r;
    r.model_dir = (dir() / c["model"].get<std::string>()).string();
    r.prompt = "<lora:" + c["lora"].get<std::string>() + ":" + std::to_string(c["scale"].get<double>()) + "> " +
               c["prompt"].get<std::string>();
    r.negative_prompt = c["negative"];
    r.lora_dir = lora_dir();
    r.sampler = c["sampler"];
    r.steps = c["steps"];
    r.guidance_scale = c["cfg"];
    r.seed = c["seed"];
    r.width = c["width"];
    r.height = c["height"];
    r.runtime.device = "cpu";
    r.network_hashes[(dir() / "loras" / (c["lora"].get<std::string>() + ".safetensors")).string()] = "0123456789ab";
    pipelines::StableDiffusionPipeline p;
    pipelines::Observer quiet;
    const auto result = p.run(r, quiet);
    const auto ref = io::SafetensorsFile::open((dir() / (c["name"].get<std::string>() + ".safetensors")).string());
    const double err = max_abs(result.latents, ref.view("latents"));
    qInfo("%s: latents max abs difference %.3g", c["name"].get<std::string>().c_str(), err);
    QVERIFY2(err < 1e-4, qPrintable(QString("latents off by %1").arg(err)));
    // A1111 writes the prompt with its tags, and the LoRA's short hash.
    QCOMPARE(QString::fromStdString(result.parameters[0].prompt), QString::fromStdString(r.prompt));
    QCOMPARE(QString::fromStdString(result.parameters[0].extra.at("Lora hashes")),
             QString::fromStdString(c["lora"].get<std::string>() + ": 0123456789ab"));
    // The same run without the tag restores the weights: the latents differ, and a second LoRA run
    // is the first again.
    auto plain = r;
    plain.prompt = c["prompt"];
    QVERIFY(max_abs(p.run(plain, quiet).latents, result.latents) > 1e-3);
    QCOMPARE(max_abs(p.run(r, quiet).latents, result.latents), 0.0);
  }

  // An SDXL LoRA on SD 1.5: a clear error naming both families, and the weights untouched.
  void otherFamilyIsAnError() {
    auto m = load("sd1");
    const auto before = snapshot(*m);
    pipelines::apply_loras(*m, {lora("sd1_kohya", 0.8)});
    try {
      pipelines::apply_loras(*m, {lora("sdxl_kohya", 1.0)});
      QFAIL("no error");
    } catch (const ModelFileError& e) {
      const std::string what = e.what();
      QVERIFY2(what.find("SDXL") != std::string::npos && what.find("SD 1.x") != std::string::npos, e.what());
    }
    // The set before the failed one stays merged.
    QVERIFY(expect_weights(*m, "sd1_kohya@0.8", 2e-6, before) > 0);
    // Through the pipeline the user reads it as the run's error.
    pipelines::GenerationRequest r;
    r.model_dir = (dir() / "sd1").string();
    r.prompt = "<lora:sdxl_peft:1> a cat";
    r.lora_dir = lora_dir();
    r.steps = 1;
    r.width = r.height = 32;
    r.runtime.device = "cpu";
    pipelines::StableDiffusionPipeline p;
    const auto message = test::error_of<ModelFileError>(p, r);
    QVERIFY2(message.find("sdxl_peft") != std::string::npos && message.find("SDXL") != std::string::npos,
             message.c_str());
  }

  // Keys that match nothing are skipped and listed; the rest merges as without them.
  void unmatchedKeysAreListed() {
    auto m = load("sd1");
    const auto before = snapshot(*m);
    const auto notes = pipelines::apply_loras(*m, {lora("sd1_kohya_extra", 0.8)});
    QCOMPARE(notes.size(), std::size_t{1});
    QVERIFY2(notes[0].find("lora_unet_down_blocks_9_attentions_0_proj_in") != std::string::npos &&
                 notes[0].find("lora_te_text_model_encoder_layers_77_mlp_fc1") != std::string::npos &&
                 notes[0].find("2 modules") != std::string::npos,
             notes[0].c_str());
    QVERIFY(expect_weights(*m, "sd1_kohya@0.8", 2e-6, before) > 0);
  }

  // A LoRA the library does not have: named, with the folder, before any model loads (the model
  // path here does not exist: a loading error would say so instead).
  void missingLoraBeforeTheRun() {
    pipelines::GenerationRequest r;
    r.model_dir = (dir() / "no-such-model").string();
    r.prompt = "a cat <lora:sd1_kohya:1> <lora:nowhere:0.5> <lora:gone:1>";
    r.lora_dir = lora_dir();
    r.runtime.device = "cpu";
    pipelines::StableDiffusionPipeline p;
    const auto message = test::error_of<RequestError>(p, r);
    QVERIFY2(message.find("'nowhere', 'gone'") != std::string::npos && message.find(lora_dir()) != std::string::npos,
             message.c_str());
    r.lora_dir.clear();
    QVERIFY(test::error_of<RequestError>(p, r).find("no Lora folder") != std::string::npos);
  }

  // A1111's tag syntax: te / unet multipliers, named arguments, other networks, bad numbers.
  void tags() {
    const auto t = networks::parse_extra_networks("a <lora:one:0.5> cat <lora:two:0.3:0.9>, <lyco:three:unet=0.2> "
                                                  "<hypernet:four:1> <lora:five>");
    QCOMPARE(QString::fromStdString(t.prompt), QString("a  cat ,   "));
    QCOMPARE(t.loras.size(), std::size_t{4});
    QCOMPARE(t.loras[0].text_multiplier, 0.5);
    QCOMPARE(t.loras[0].unet_multiplier, 0.5);
    QCOMPARE(t.loras[1].text_multiplier, 0.3);
    QCOMPARE(t.loras[1].unet_multiplier, 0.9);
    QCOMPARE(t.loras[2].text_multiplier, 1.0);
    QCOMPARE(t.loras[2].unet_multiplier, 0.2);
    QCOMPARE(QString::fromStdString(t.loras[3].name), QString("five"));
    QCOMPARE(t.loras[3].unet_multiplier, 1.0);
    QCOMPARE(t.other.size(), std::size_t{1});
    QCOMPARE(QString::fromStdString(networks::lora_tag_text(t.loras[1])), QString("<lora:two:0.3:0.9>"));
    QVERIFY_THROWS_EXCEPTION(RequestError, networks::parse_extra_networks("<lora:x:lots>"));
    QVERIFY_THROWS_EXCEPTION(RequestError, networks::parse_extra_networks("<lora::1>"));
  }
};

QTEST_APPLESS_MAIN(TestLora)
#include "test_lora.moc"
