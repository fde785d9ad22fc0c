// Single-file checkpoints (tests/fixtures/single_file_fixture.py): tiny SD 1.x, SD 1.x inpainting
// (pickled .ckpt), SD 2.x (epsilon and 768-v), SDXL base, refiner and inpainting models written in
// the LDM layout, loaded by Gesso with the configs it builds from each family's published defaults
// — no config folder — against diffusers' from_single_file(file, config=folder): every weight equal
// to the folder's, the final latents within the SD 1.x bound, the separate VAE's image. Then what
// the file or the user says of the prediction type, fp16 / bf16 files, and the errors a user meets.
#include <QtTest>

#include <torch/torch.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "common/fixtures.h"
#include "engine/io/image_io.h"
#include "engine/io/safetensors.h"
#include "engine/pipelines/model_bundle.h"
#include "engine/pipelines/model_file.h"
#include "engine/pipelines/model_footprint.h"
#include "engine/pipelines/single_file_source.h"
#include "engine/pipelines/stable_diffusion_pipeline.h"

using namespace gesso;
using pipelines::PipelineKind;
namespace fs = std::filesystem;

namespace {

constexpr double kTolerance = 1e-4;  // the SD 1.x / SDXL parity bound

fs::path dir() { return test::fixture_dir("single_file"); }
std::string in_fixture(const std::string& name) { return (dir() / name).string(); }

nlohmann::json cases() {
  std::ifstream in(dir() / "cases.json");
  return nlohmann::json::parse(in);
}

std::string text_or_empty(const nlohmann::json& v) { return v.is_null() ? "" : v.get<std::string>(); }

pipelines::GenerationRequest request_for(const nlohmann::json& c) {
  pipelines::GenerationRequest r;
  r.model_dir = in_fixture(c["model"]);
  const std::string kind = c["kind"];
  r.pipeline = kind == "txt2img" ? PipelineKind::kTxt2Img : kind == "img2img" ? PipelineKind::kImg2Img : PipelineKind::kInpaint;
  r.prompt = c["prompt"];
  r.negative_prompt = text_or_empty(c["negative"]);
  r.sampler = text_or_empty(c["sampler"]);
  r.steps = c["steps"];
  r.guidance_scale = c["cfg"];
  r.seed = c["seed"];
  r.width = c["width"];
  r.height = c["height"];
  if (!c["strength"].is_null()) r.strength = c["strength"];
  if (!c["vae"].is_null()) r.vae = in_fixture(c["vae"]);
  r.runtime.device = "cpu";
  if (r.pipeline != PipelineKind::kTxt2Img) r.init_image = io::read_image(in_fixture("init.png"));
  if (r.pipeline == PipelineKind::kInpaint) {
    r.mask = io::read_image(in_fixture("mask.png"));
    r.inpaint.mask_blur = 0;      // diffusers applies none
    r.inpaint.composite = false;  // compare the model's own pixels
  }
  return r;
}

double max_abs(const torch::Tensor& a, const torch::Tensor& b) {
  return (a.to(torch::kDouble) - b.to(torch::kDouble)).abs().max().item<double>();
}

std::map<std::string, torch::Tensor> parameters(pipelines::ModelBundle& m) {
  std::map<std::string, torch::Tensor> out;
  for (const auto& [component, module] : m.components())
    for (const auto& p : module->named_parameters(true)) out[component + "." + p.key()] = p.value();
  return out;
}

// Every parameter of `got` equals `want`'s after `cast` (none: bit for bit).
void expect_same_weights(pipelines::ModelBundle& got, pipelines::ModelBundle& want,
                         std::optional<torch::ScalarType> cast = std::nullopt) {
  const auto a = parameters(got), b = parameters(want);
  QCOMPARE(a.size(), b.size());
  for (const auto& [name, t] : b) {
    const auto it = a.find(name);
    QVERIFY2(it != a.end(), ("missing " + name).c_str());
    const auto expected = cast ? t.to(*cast).to(t.scalar_type()) : t;
    QVERIFY2(it->second.sizes() == expected.sizes(), name.c_str());
    QVERIFY2(torch::equal(it->second, expected), ("differs: " + name).c_str());
  }
}

void write_copy(const std::string& from, const std::string& to, std::optional<std::size_t> bytes = std::nullopt) {
  std::ifstream in(from, std::ios::binary);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes) data.resize(*bytes);
  std::ofstream(to, std::ios::binary | std::ios::trunc) << data;
}

using Tensors = std::vector<std::pair<std::string, torch::Tensor>>;

// The file's tensors (to write variants of it).
Tensors tensors_of(const std::string& path) {
  Tensors out;
  const auto f = io::SafetensorsFile::open(path);
  for (const auto& t : f.tensors()) out.emplace_back(t.name, f.view(t.name).clone());
  return out;
}

std::string model_error(const std::string& path, const pipelines::ModelSpec& spec = {}) {
  auto s = spec;
  s.path = path;
  try {
    pipelines::load_model_bundle(s, torch::kCPU, {});
  } catch (const ModelFileError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

class TestSingleFile : public QObject {
  Q_OBJECT

  double worst_ = 0;
  std::string worst_case_;
  pipelines::StableDiffusionPipeline pipeline_;
  fs::path scratch_;

 private slots:
  void initTestCase() {
    scratch_ = fs::temp_directory_path() / ("gesso-single-file-" + std::to_string(QCoreApplication::applicationPid()));
    fs::create_directories(scratch_);
  }
  void cleanupTestCase() {
    fs::remove_all(scratch_);
    qInfo("worst latent difference: %.3g (%s)", worst_, worst_case_.c_str());
  }

  // The whole conversion: each component of the file, as Gesso builds it with the family's
  // defaults, holds exactly the folder's weights.
  void weightsEqualTheFolders_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("folder");
    for (const auto& [file, folder] : {std::pair{"sd1.safetensors", "sd1"}, {"sd1-inpaint.ckpt", "sd1-inpaint"},
                                       {"sd2.safetensors", "sd2"}, {"sd2-v.safetensors", "sd2-v"},
                                       {"sdxl.safetensors", "sdxl"}, {"sdxl-refiner.safetensors", "sdxl-refiner"},
                                       {"sdxl-inpaint.safetensors", "sdxl-inpaint"}})
      QTest::newRow(folder) << file << folder;
  }
  void weightsEqualTheFolders() {
    QFETCH(QString, file);
    QFETCH(QString, folder);
    auto got = pipelines::load_model_bundle(in_fixture(file.toStdString()), torch::kCPU, {});
    auto want = pipelines::load_model_bundle(in_fixture(folder.toStdString()), torch::kCPU, {});
    QCOMPARE(int(got->family), int(want->family));
    QCOMPARE(got->index.class_name, want->index.class_name);
    // The flags the pipelines read (a folder also has those diffusers writes for no effect here).
    for (const auto& [flag, fallback] : {std::pair{"force_zeros_for_empty_prompt", true}, {"requires_aesthetics_score", false}})
      QCOMPARE(got->index.flag(flag, fallback), want->index.flag(flag, fallback));
    expect_same_weights(*got, *want);
    // The configs built in code say what the folder's do: same module shapes (above), same
    // scheduler, same VAE scale.
    QCOMPARE(got->scheduler_config.prediction_type.value_or("epsilon"),
             want->scheduler_config.prediction_type.value_or("epsilon"));
    QCOMPARE(got->vae->config().scaling_factor, want->vae->config().scaling_factor);
    QCOMPARE(got->vae->config().force_upcast, want->vae->config().force_upcast);
    QCOMPARE(got->default_size(), want->default_size());
    QCOMPARE(got->unet->config().upcast_attention, want->unet->config().upcast_attention);
  }

  void halfAndBfloat16FilesLoadTheirValues_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("dtype");
    QTest::newRow("fp16") << "sd1-fp16.safetensors" << int(torch::kHalf);
    QTest::newRow("bf16") << "sd1-bf16.safetensors" << int(torch::kBFloat16);
  }
  void halfAndBfloat16FilesLoadTheirValues() {
    QFETCH(QString, file);
    QFETCH(int, dtype);
    auto got = pipelines::load_model_bundle(in_fixture(file.toStdString()), torch::kCPU, {});
    auto want = pipelines::load_model_bundle(in_fixture("sd1"), torch::kCPU, {});
    expect_same_weights(*got, *want, torch::ScalarType(dtype));
  }

  // Final latents (and one decoded image) against diffusers' from_single_file pipelines.
  void runsMatchDiffusers_data() {
    QTest::addColumn<int>("index");
    const auto all = cases();
    for (std::size_t i = 0; i < all.size(); ++i) QTest::newRow(all[i]["name"].get<std::string>().c_str()) << int(i);
  }
  void runsMatchDiffusers() {
    QFETCH(int, index);
    const auto c = cases()[index];
    pipelines::Observer quiet;
    const auto result = pipeline_.run(request_for(c), quiet);
    const auto ref = io::SafetensorsFile::open(in_fixture(c["reference"]));
    if (c["output"] == "image") {
      const auto& img = result.images.at(0);
      const auto got = torch::from_blob(const_cast<uint8_t*>(img.pixels.data()), {img.height, img.width, img.channels},
                                        torch::kUInt8);
      const auto want = ref.view("image").squeeze(0);
      QCOMPARE(got.sizes().vec(), want.sizes().vec());
      QVERIFY2(max_abs(got, want) <= 1, ("image differs by " + std::to_string(max_abs(got, want))).c_str());
      return;
    }
    const auto want = ref.view("latents");
    QCOMPARE(result.latents.sizes().vec(), want.sizes().vec());
    const double diff = max_abs(result.latents, want);
    if (diff > worst_) worst_ = diff, worst_case_ = c["name"];
    QVERIFY2(diff <= kTolerance, (c["name"].get<std::string>() + ": max abs " + std::to_string(diff)).c_str());
  }

  // diffusers' from_single_file(config=folder): the folder's configs and tokenizers, the file's weights.
  void aConfigFolderDescribesTheFile() {
    auto with_config = pipelines::load_model_bundle(
        pipelines::ModelSpec{.path = in_fixture("sdxl.safetensors"), .config = in_fixture("sdxl")}, torch::kCPU, {});
    auto folder = pipelines::load_model_bundle(in_fixture("sdxl"), torch::kCPU, {});
    expect_same_weights(*with_config, *folder);
    QVERIFY(with_config->index.dir == in_fixture("sdxl.safetensors"));
  }

  void predictionTypeFromTheYamlTheKeyOrTheUser() {
    auto v = pipelines::load_model_bundle(in_fixture("sd2-v.safetensors"), torch::kCPU, {});
    QCOMPARE(v->scheduler_config.prediction_type.value_or(""), std::string("v_prediction"));
    QVERIFY(v->unet->config().upcast_attention);  // 2.1-768's config
    QCOMPARE(v->unet->config().sample_size->front(), int64_t{96});  // 768 px
    QVERIFY2(!v->notes.empty() && v->notes[0].find("sd2-v.yaml") != std::string::npos,
             v->notes.empty() ? "no note" : v->notes[0].c_str());

    // The same file without its .yaml: nothing says v, so epsilon at 512.
    const auto bare = (scratch_ / "sd2-v-bare.safetensors").string();
    write_copy(in_fixture("sd2-v.safetensors"), bare);
    auto eps = pipelines::load_model_bundle(bare, torch::kCPU, {});
    QCOMPARE(eps->scheduler_config.prediction_type.value_or(""), std::string("epsilon"));
    QCOMPARE(eps->unet->config().sample_size->front(), int64_t{64});  // 512 px

    // A "v_pred" key (the marker newer trainers write) says v.
    auto tensors = tensors_of(in_fixture("sd2.safetensors"));
    tensors.emplace_back("v_pred", torch::zeros({0}));
    const auto marked = (scratch_ / "sd2-marked.safetensors").string();
    io::save_safetensors(marked, tensors);
    auto marked_model = pipelines::load_model_bundle(marked, torch::kCPU, {});
    QCOMPARE(marked_model->scheduler_config.prediction_type.value_or(""), std::string("v_prediction"));

    // The user's choice outranks the .yaml.
    auto user = pipelines::load_model_bundle(
        pipelines::ModelSpec{.path = in_fixture("sd2-v.safetensors"), .prediction_type = "epsilon"}, torch::kCPU, {});
    QCOMPARE(user->scheduler_config.prediction_type.value_or(""), std::string("epsilon"));

    QCOMPARE(pipelines::yaml_prediction_type(in_fixture("sd2-v.safetensors")).value_or(""), std::string("v_prediction"));
    QVERIFY(!pipelines::yaml_prediction_type(in_fixture("sd2.safetensors")));
  }

  void theRequestCarriesTheHashesAndTheVae() {
    auto r = request_for(cases()[0]);
    r.model_dir = in_fixture("sd1.safetensors");
    r.sampler = "Euler";
    r.steps = 2;
    r.model_hash = "0123456789";
    r.vae = in_fixture("vae-ldm.safetensors");
    r.vae_hash = "abcdef0123";
    pipelines::Observer quiet;
    pipelines::StableDiffusionPipeline fresh;  // the load's notes come with the run that loads
    const auto result = fresh.run(r, quiet);
    const auto& p = result.parameters.at(0);
    QCOMPARE(p.model, std::string("sd1"));  // A1111 names a checkpoint by its stem
    QCOMPARE(p.model_hash, std::string("0123456789"));
    QCOMPARE(p.extra.at("VAE"), std::string("vae-ldm.safetensors"));
    QCOMPARE(p.extra.at("VAE hash"), std::string("abcdef0123"));
    QVERIFY(!result.notes.empty() && result.notes.front().find("vae-ldm") != std::string::npos);
  }

  void footprintOfAFileIsTheLoadedOnes() {
    for (const char* file : {"sd1.safetensors", "sdxl.safetensors", "sd1-inpaint.ckpt"}) {
      const auto on_disk = pipelines::footprint_on_disk(in_fixture(file), torch::kFloat, false);
      auto model = pipelines::load_model_bundle(in_fixture(file), torch::kCPU, {});
      const auto loaded = pipelines::footprint(*model);
      QCOMPARE(on_disk.text_encoder_bytes, loaded.text_encoder_bytes);
      QCOMPARE(on_disk.unet_bytes, loaded.unet_bytes);
      QCOMPARE(on_disk.vae_bytes, loaded.vae_bytes);
      QCOMPARE(on_disk.unet_width, loaded.unet_width);
    }
  }

  void theLibraryNamesEachFile() {
    using pipelines::ModelFamily;
    const auto info = [&](const char* f) { return pipelines::inspect_model_file(in_fixture(f)); };
    QCOMPARE(info("sd1.safetensors").label(), std::string("SD 1.x checkpoint"));
    QCOMPARE(info("sd1-inpaint.ckpt").label(), std::string("SD 1.x inpainting checkpoint"));
    QCOMPARE(info("sd2.safetensors").label(), std::string("SD 2.x checkpoint"));
    QCOMPARE(info("sdxl.safetensors").label(), std::string("SDXL checkpoint"));
    QCOMPARE(info("sdxl-refiner.safetensors").label(), std::string("SDXL refiner checkpoint"));
    QCOMPARE(info("sdxl-inpaint.safetensors").label(), std::string("SDXL inpainting checkpoint"));
    QCOMPARE(info("vae-ldm.safetensors").label(), std::string("VAE"));
  }

  // ------------------------------------------------------------------------------ bad input

  void aLoraOrAnEmbeddingIsNamedAsSuch() {
    const auto lora = (scratch_ / "style.safetensors").string();
    io::save_safetensors(lora, {{"lora_unet_down_blocks_0_attentions_0_proj_in.lora_down.weight", torch::zeros({4, 32})},
                                {"lora_unet_down_blocks_0_attentions_0_proj_in.lora_up.weight", torch::zeros({32, 4})}});
    auto message = model_error(lora);
    QVERIFY2(message.find("LoRA") != std::string::npos && message.find(lora) != std::string::npos, message.c_str());

    const auto embedding = (scratch_ / "bad-hands.safetensors").string();
    io::save_safetensors(embedding, {{"emb_params", torch::zeros({2, 768})}});
    message = model_error(embedding);
    QVERIFY2(message.find("SD 1.x embedding") != std::string::npos, message.c_str());

    message = model_error(in_fixture("vae-ldm.safetensors"));
    QVERIFY2(message.find("VAE") != std::string::npos && message.find("not a model checkpoint") != std::string::npos,
             message.c_str());
  }

  void aFileNoFamilyMatchesSaysWhatWasLookedFor() {
    const auto other = (scratch_ / "other.safetensors").string();
    io::save_safetensors(other, {{"backbone.layer1.weight", torch::zeros({2, 2})}});
    const auto message = model_error(other);
    QVERIFY2(message.find("model.diffusion_model.") != std::string::npos, message.c_str());
    QVERIFY2(message.find("backbone.layer1.weight") != std::string::npos, message.c_str());
  }

  void aTruncatedFileIsAClearError_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("safetensors") << "sd1.safetensors";
    QTest::newRow("ckpt") << "sd1-inpaint.ckpt";
  }
  void aTruncatedFileIsAClearError() {
    QFETCH(QString, file);
    const auto source = in_fixture(file.toStdString());
    const auto cut = (scratch_ / ("cut-" + file.toStdString())).string();
    write_copy(source, cut, fs::file_size(source) / 2);
    const auto message = model_error(cut);
    QVERIFY2(message.find(cut) != std::string::npos, message.c_str());
    QVERIFY2(message != "(no error)", "loaded half a file");
  }

  void aCheckpointWithoutItsVaeNeedsOne() {
    auto tensors = tensors_of(in_fixture("sd1.safetensors"));
    std::erase_if(tensors, [](const auto& kv) { return kv.first.rfind("first_stage_model.", 0) == 0; });
    const auto no_vae = (scratch_ / "no-vae.safetensors").string();
    io::save_safetensors(no_vae, tensors);
    const auto message = model_error(no_vae);
    QVERIFY2(message.find("no VAE") != std::string::npos, message.c_str());
    auto with_vae = pipelines::load_model_bundle(
        pipelines::ModelSpec{.path = no_vae, .vae = in_fixture("vae-ldm.safetensors")}, torch::kCPU, {});
    auto vae_folder = pipelines::load_model_bundle(
        pipelines::ModelSpec{.path = in_fixture("sd1"), .vae = in_fixture("vae-ldm")}, torch::kCPU, {});
    expect_same_weights(*with_vae, *vae_folder);
  }

  void aVaeThatDoesNotFitNamesItsFile() {
    auto tensors = tensors_of(in_fixture("vae-ldm.safetensors"));
    std::erase_if(tensors, [](const auto& kv) { return kv.first == "decoder.conv_out.weight"; });
    const auto broken = (scratch_ / "broken-vae.safetensors").string();
    io::save_safetensors(broken, tensors);
    pipelines::ModelSpec spec{.path = in_fixture("sd1.safetensors"), .vae = broken};
    const auto message = model_error(spec.path, spec);
    QVERIFY2(message.find(broken) != std::string::npos && message.find("decoder.conv_out.weight") != std::string::npos,
             message.c_str());
    // A LoRA chosen as the VAE is named as what it is.
    const auto lora = (scratch_ / "lora-as-vae.safetensors").string();
    io::save_safetensors(lora, {{"lora_unet_mid_block_attentions_0_proj_in.lora_down.weight", torch::zeros({4, 32})}});
    spec.vae = lora;
    const auto lora_message = model_error(spec.path, spec);
    QVERIFY2(lora_message.find("LoRA") != std::string::npos, lora_message.c_str());
  }

  void aBadPredictionTypeIsARequestError() {
    auto r = request_for(cases()[0]);
    r.prediction_type = "x0";
    const auto message = test::error_of<RequestError>(pipeline_, r);
    QVERIFY2(message.find("prediction_type") != std::string::npos, message.c_str());
  }
};

QTEST_GUILESS_MAIN(TestSingleFile)
#include "test_single_file.moc"
