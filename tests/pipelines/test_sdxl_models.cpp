// SDXL folders as a user has them, good and bad: families read from model_index.json, a refiner
// given as a base, a missing text_encoder_2, time ids the UNet does not take, a refiner after a
// non-SDXL model; the VAE in fp32 where force_upcast asks, an fp16 decode's NaNs redone in fp32;
// footprints and the VRAM estimate with two encoders and a refiner; the size presets.
#include <QtTest>

#include <torch/torch.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "common/fixtures.h"
#include "engine/error.h"
#include "engine/pipelines/latent_decoder.h"
#include "engine/pipelines/model_footprint.h"
#include "engine/pipelines/size_presets.h"
#include "engine/pipelines/stable_diffusion_pipeline.h"

using namespace gesso;
using test::error_of;
namespace fs = std::filesystem;
using pipelines::ModelFamily;

namespace {

std::string folder(const std::string& name) { return (test::fixture_dir("sdxl") / name).string(); }

pipelines::GenerationRequest tiny(const std::string& model) {
  pipelines::GenerationRequest r;
  r.model_dir = folder(model);
  r.prompt = "a red cube";
  r.steps = 2;
  r.sampler = "Euler";
  r.runtime.device = "cpu";
  return r;
}

// A copy of an SDXL folder under the temp dir, `edit` applied to its JSON file `file`.
std::string edited_copy(const std::string& name, const std::string& file,
                        const std::function<void(nlohmann::json&)>& edit) {
  const fs::path dst = fs::temp_directory_path() / ("gesso_" + name + "_edited");
  fs::remove_all(dst);
  fs::copy(folder(name), dst, fs::copy_options::recursive);
  if (!file.empty()) {
    std::ifstream in(dst / file);
    auto json = nlohmann::json::parse(in);
    in.close();
    edit(json);
    std::ofstream(dst / file) << json.dump(2);
  }
  return dst.string();
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class Notes : public pipelines::Observer {
 public:
  void on_note(const std::string& text) override { notes.push_back(text); }
  std::vector<std::string> notes;
};

}  // namespace

class TestSdxlModels : public QObject {
  Q_OBJECT

  pipelines::StableDiffusionPipeline pipeline_;

 private slots:
  void familiesComeFromModelIndex() {
    const auto family = [](const std::string& dir) { return pipelines::model_family(io::read_model_index(dir)); };
    QCOMPARE(family(folder("sdxl")), ModelFamily::kSDXL);
    QCOMPARE(family(folder("sdxl-inpaint")), ModelFamily::kSDXL);
    QCOMPARE(family(folder("sdxl-refiner")), ModelFamily::kSDXLRefiner);
    QCOMPARE(family((test::fixture_dir("pipelines") / "sd1").string()), ModelFamily::kSD1);
    QCOMPARE(family((test::fixture_dir("pipelines") / "sd2").string()), ModelFamily::kSD2);
    QCOMPARE(QString::fromStdString(pipelines::to_string(ModelFamily::kSDXLRefiner)), QStringLiteral("SDXL refiner"));
    const auto other = edited_copy("sdxl", "model_index.json", [](auto& j) { j["_class_name"] = "KandinskyPipeline"; });
    QVERIFY_THROWS_EXCEPTION(ModelFileError, family(other));
  }

  void refinerAsBaseIsAClearError() {
    const auto message = error_of<RequestError>(pipeline_, tiny("sdxl-refiner"));
    QVERIFY2(contains(message, "sdxl-refiner is an SDXL refiner") && contains(message, "as its refiner"), message.c_str());
    auto r = tiny("sdxl");  // the next run works
    pipelines::Observer quiet;
    QCOMPARE(pipeline_.run(r, quiet).images.size(), std::size_t{1});
  }

  void missingTextEncoder2NamesIt() {
    const auto unlisted = edited_copy("sdxl", "model_index.json", [](auto& j) { j.erase("text_encoder_2"); });
    auto message = error_of<ModelFileError>(pipeline_, [&] { auto r = tiny("sdxl"); r.model_dir = unlisted; return r; }());
    QVERIFY2(contains(message, "model_index.json") && contains(message, "'text_encoder_2'"), message.c_str());
    const auto absent = edited_copy("sdxl", "", {});
    fs::remove_all(fs::path(absent) / "text_encoder_2");
    message = error_of<ModelFileError>(pipeline_, [&] { auto r = tiny("sdxl"); r.model_dir = absent; return r; }());
    QVERIFY2(contains(message, "text_encoder_2") && contains(message, "component folder is missing"), message.c_str());
  }

  void timeIdWidthMismatchNamesTheSetting() {
    // A base told it is a refiner: 5 time ids where its UNet takes 6.
    const auto base = edited_copy("sdxl", "model_index.json", [](auto& j) { j["requires_aesthetics_score"] = true; });
    auto message = error_of<ModelFileError>(pipeline_, [&] { auto r = tiny("sdxl"); r.model_dir = base; return r; }());
    QVERIFY2(contains(message, "requires_aesthetics_score\": false") && contains(message, "88 wide"), message.c_str());
    // A refiner that forgot it is one, used as img2img: 6 ids where its UNet takes 5.
    const auto refiner = edited_copy("sdxl-refiner", "model_index.json", [](auto& j) { j["requires_aesthetics_score"] = false; });
    auto img2img = tiny("sdxl");
    img2img.model_dir = refiner;
    img2img.pipeline = pipelines::PipelineKind::kImg2Img;
    img2img.init_image = Image{32, 32, 3, std::vector<uint8_t>(32 * 32 * 3, 128)};
    message = error_of<ModelFileError>(pipeline_, img2img);
    QVERIFY2(contains(message, "requires_aesthetics_score\": true"), message.c_str());
    // A UNet whose added-embedding width fits neither.
    const auto bad = edited_copy("sdxl", "unet/config.json", [](auto& j) { j["addition_time_embed_dim"] = 4; });
    message = error_of<Error>(pipeline_, [&] { auto r = tiny("sdxl"); r.model_dir = bad; return r; }());
    QVERIFY2(contains(message, "projection_class_embeddings_input_dim"), message.c_str());
  }

  void refinerAfterAnotherFamilyIsRefused() {
    auto r = tiny("sdxl");
    r.refiner_dir = (test::fixture_dir("pipelines") / "sd1").string();
    QVERIFY(contains(error_of<RequestError>(pipeline_, r), "not an SDXL refiner"));
    r = pipelines::GenerationRequest(tiny("sdxl"));
    r.model_dir = (test::fixture_dir("pipelines") / "sd1").string();
    r.refiner_dir = folder("sdxl-refiner");
    QVERIFY(contains(error_of<RequestError>(pipeline_, r), "a refiner follows an SDXL base model"));
    r = tiny("sdxl");
    r.refiner_dir = folder("sdxl-refiner");
    r.refiner_switch = 1.0;
    QVERIFY(contains(error_of<RequestError>(pipeline_, r), "refiner_switch"));
  }

  // force_upcast: an fp16 SDXL run keeps its VAE in fp32; an fp16-safe VAE (force_upcast false)
  // and SD 1.x's pipelines (which ignore the flag) stay in fp16.
  void vaeUpcastFollowsForceUpcast() {
    runtime::RuntimeOptions half;
    half.dtype = torch::kHalf;
    QCOMPARE(pipelines::load_model_bundle(folder("sdxl"), torch::kCPU, half)->vae_dtype, torch::kFloat);
    const auto safe = edited_copy("sdxl", "vae/config.json", [](auto& j) { j["force_upcast"] = false; });
    QCOMPARE(pipelines::load_model_bundle(safe, torch::kCPU, half)->vae_dtype, torch::kHalf);
    QCOMPARE(pipelines::load_model_bundle((test::fixture_dir("pipelines") / "sd1").string(), torch::kCPU, half)->vae_dtype,
             torch::kHalf);
    QCOMPARE(pipelines::load_model_bundle(folder("sdxl"), torch::kCPU, {})->vae_dtype, torch::kFloat);
  }

  // Latents fp16 cannot hold (|x| / scaling_factor > 65504) overflow an fp16 decode into NaNs; the
  // decoder redoes it in fp32, keeps the VAE there and says so.
  void nanDecodeIsRedoneInFp32() {
    const auto safe = edited_copy("sdxl", "vae/config.json", [](auto& j) { j["force_upcast"] = false; });
    runtime::RuntimeOptions half;
    half.dtype = torch::kHalf;
    auto model = pipelines::load_model_bundle(safe, torch::kCPU, half);
    QCOMPARE(model->vae_dtype, torch::kHalf);
    c10::InferenceMode inference;
    const auto latents = torch::full({1, 4, 8, 8}, 2e4);
    const auto decoded = pipelines::decode_latents(*model, latents);
    QVERIFY2(contains(decoded.note, "NaNs") && contains(decoded.note, "fp32"), decoded.note.c_str());
    QCOMPARE(model->vae_dtype, torch::kFloat);
    QCOMPARE(model->vae->parameters().front().scalar_type(), torch::kFloat);
    QCOMPARE(decoded.images.size(), std::size_t{1});
    QVERIFY(pipelines::decode_latents(*model, latents).note.empty());  // the second decode works first time
  }

  // Both encoders count, the refiner's stage joins the estimate, and the loaded bundle and the
  // folder's headers agree.
  void footprintsKnowSdxlAndTheRefiner() {
    const auto from_folder = pipelines::footprint_on_disk(folder("sdxl"), torch::kHalf, false);
    runtime::RuntimeOptions half;
    half.dtype = torch::kHalf;
    const auto base = pipelines::load_model_bundle(folder("sdxl"), torch::kCPU, half);
    const auto loaded = pipelines::footprint(*base);
    QCOMPARE(from_folder.text_encoder_bytes, loaded.text_encoder_bytes);
    QCOMPARE(from_folder.vae_bytes, loaded.vae_bytes);
    QCOMPARE(from_folder.vae_dtype_bytes, 4);  // force_upcast
    QCOMPARE(from_folder.first_attention_level, 1);
    QCOMPARE(from_folder.unet_heads, int64_t{4});
    int64_t te1 = 0;
    for (const auto& [name, module] : base->components())
      if (name == "text_encoder")
        for (const auto& p : module->parameters()) te1 += p.numel() * p.element_size();
    QVERIFY(te1 > 0 && loaded.text_encoder_bytes > te1);  // text_encoder_2 counted too
    const auto refiner = pipelines::footprint_on_disk(folder("sdxl-refiner"), torch::kHalf, false);
    const auto both = pipelines::with_refiner(from_folder, refiner);
    runtime::RunShape shape{.width = 1024, .height = 1024};
    runtime::RuntimeOptions o;
    o.dtype = torch::kHalf;
    const auto alone = runtime::estimate_vram(from_folder, shape, o), with = runtime::estimate_vram(both, shape, o);
    QCOMPARE(with.weights, alone.weights + refiner.text_encoder_bytes + refiner.unet_bytes + refiner.vae_bytes);
    o.offload = runtime::Offload::kModel;
    QVERIFY(runtime::estimate_vram(both, shape, o).total() < with.total());
    QCOMPARE(pipelines::with_precision(from_folder, torch::kHalf, false).vae_dtype_bytes, 4);
    QCOMPARE(pipelines::with_precision(from_folder, torch::kFloat, false).unet_dtype_bytes, 4);
  }

  void sizePresetsPerFamily() {
    const auto xl = pipelines::size_presets(ModelFamily::kSDXL);
    QCOMPARE(xl.front(), (std::pair<int, int>{1024, 1024}));
    for (const auto& size : {std::pair{1152, 896}, {896, 1152}, {1216, 832}, {832, 1216}, {1344, 768}, {768, 1344},
                             {1536, 640}, {640, 1536}})
      QVERIFY(std::find(xl.begin(), xl.end(), size) != xl.end());
    for (const auto& [w, h] : xl) QVERIFY(w % 64 == 0 && h % 64 == 0);
    QCOMPARE(pipelines::size_presets(ModelFamily::kSD1).front(), (std::pair<int, int>{512, 512}));
    QCOMPARE(pipelines::size_presets(ModelFamily::kSD2).front(), (std::pair<int, int>{768, 768}));
  }
};

QTEST_GUILESS_MAIN(TestSdxlModels)
#include "test_sdxl_models.moc"
