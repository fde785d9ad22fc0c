// config.json parsing for UNet2DConditionModel and AutoencoderKL: diffusers' defaults, and a
// ModelFileError naming the file and the key for every bad or unsupported value.
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <nlohmann/json.hpp>

#include "engine/error.h"
#include "engine/models/autoencoder_kl_config.h"
#include "engine/models/unet_2d_condition_config.h"
#include "models/model_test_util.h"

using gesso::models::AutoencoderKLConfig;
using gesso::models::UNet2DConditionConfig;
using nlohmann::json;

Q_DECLARE_METATYPE(std::string)

namespace {

json read_json(const std::string& path) {
  std::ifstream in(path);
  return json::parse(in);
}

std::string write_text(const QTemporaryDir& dir, const std::string& text) {
  const auto path = (std::filesystem::path(dir.path().toStdString()) / "config.json").string();
  std::ofstream(path) << text;
  return path;
}

// The fixture's config with `key` set to `value` (parsed from JSON text).
std::string patched_config(const QTemporaryDir& dir, const std::string& model, const std::string& key,
                           const std::string& value) {
  auto config = read_json(gesso::test::model_dir(model) + "/config.json");
  config[key] = json::parse(value);
  return write_text(dir, config.dump(2));
}

template <typename Parse>
void expect_model_file_error(Parse parse, const std::string& path, const std::string& key) {
  try {
    parse(path);
    QFAIL(("no error for \"" + key + "\"").c_str());
  } catch (const gesso::ModelFileError& e) {
    const std::string message = e.what();
    qInfo("%s", message.c_str());
    QCOMPARE(e.path(), path);
    QVERIFY2(message.find("\"" + key + "\"") != std::string::npos, ("message does not name " + key).c_str());
  }
}

}  // namespace

class TestModelConfigs : public QObject {
  Q_OBJECT

 private slots:
  void emptyUNetConfigGivesDiffusersDefaults() {
    QTemporaryDir dir;
    const auto c = UNet2DConditionConfig::from_json_file(write_text(dir, "{}"));
    QCOMPARE(c.block_out_channels, (std::vector<int64_t>{320, 640, 1280, 1280}));
    QCOMPARE(c.num_attention_heads, (std::vector<int64_t>{8, 8, 8, 8}));
    QCOMPARE(c.cross_attention_dim, (std::vector<int64_t>{1280, 1280, 1280, 1280}));
    QCOMPARE(c.layers_per_block, (std::vector<int64_t>{2, 2, 2, 2}));
    QCOMPARE(c.time_embed_dim(), int64_t{1280});
    QVERIFY(c.flip_sin_to_cos && !c.use_linear_projection && !c.upcast_attention);
    QVERIFY(c.mid_block_type == gesso::models::MidBlockType::CrossAttn);
    QVERIFY(c.down_block_types.back() == gesso::models::DownBlockType::Down);
    QVERIFY(c.up_block_types.front() == gesso::models::UpBlockType::Up);
  }

  void emptyVaeConfigGivesDiffusersDefaults() {
    QTemporaryDir dir;
    const auto c = AutoencoderKLConfig::from_json_file(write_text(dir, "{}"));
    QCOMPARE(c.block_out_channels, (std::vector<int64_t>{64}));
    QCOMPARE(c.scaling_factor, 0.18215);
    QCOMPARE(c.layers_per_block, int64_t{1});
    QVERIFY(c.force_upcast && c.use_quant_conv && !c.shift_factor);
  }

  void badUNetValueNamesTheKey_data() {
    QTest::addColumn<std::string>("key");
    QTest::addColumn<std::string>("value");
    QTest::newRow("wrong type") << std::string("layers_per_block") << std::string("\"two\"");
    QTest::newRow("float channels") << std::string("in_channels") << std::string("4.5");
    QTest::newRow("per-block length") << std::string("attention_head_dim") << std::string("[8, 8, 8]");
    QTest::newRow("groups do not divide") << std::string("norm_num_groups") << std::string("7");
    QTest::newRow("heads do not divide") << std::string("attention_head_dim") << std::string("[8, 7]");
    QTest::newRow("unknown block") << std::string("down_block_types")
                                   << std::string("[\"CrossAttnDownBlock2D\", \"AttnDownBlock2D\"]");
    QTest::newRow("block count") << std::string("up_block_types") << std::string("[\"UpBlock2D\"]");
    QTest::newRow("unknown activation") << std::string("act_fn") << std::string("\"tanh\"");
    QTest::newRow("bool as string") << std::string("upcast_attention") << std::string("\"yes\"");
    QTest::newRow("image add embedding") << std::string("addition_embed_type") << std::string("\"image\"");
    QTest::newRow("unknown class embedding") << std::string("class_embed_type") << std::string("\"fourier\"");
    QTest::newRow("encoder projection type alone") << std::string("encoder_hid_dim_type") << std::string("\"text_proj\"");
    QTest::newRow("num_attention_heads") << std::string("num_attention_heads") << std::string("8");
    QTest::newRow("only cross attention length") << std::string("only_cross_attention") << std::string("[true]");
    QTest::newRow("cross attention norm") << std::string("cross_attention_norm") << std::string("\"rms_norm\"");
    QTest::newRow("negative channels") << std::string("block_out_channels") << std::string("[32, -64]");
    QTest::newRow("even kernel") << std::string("conv_in_kernel") << std::string("4");
    QTest::newRow("null groups") << std::string("norm_num_groups") << std::string("null");
    QTest::newRow("mid block type") << std::string("mid_block_type") << std::string("\"UNetMidBlock2D\"");
  }

  void badUNetValueNamesTheKey() {
    QFETCH(std::string, key);
    QFETCH(std::string, value);
    QTemporaryDir dir;
    const auto path = patched_config(dir, "unet_sd1", key, value);
    expect_model_file_error([](const std::string& p) { UNet2DConditionConfig::from_json_file(p); }, path, key);
  }

  void badVaeValueNamesTheKey_data() {
    QTest::addColumn<std::string>("key");
    QTest::addColumn<std::string>("value");
    QTest::newRow("negative latents") << std::string("latent_channels") << std::string("-4");
    QTest::newRow("attention encoder block")
        << std::string("down_block_types") << std::string("[\"DownEncoderBlock2D\", \"AttnDownEncoderBlock2D\"]");
    QTest::newRow("scaling as string") << std::string("scaling_factor") << std::string("\"0.18\"");
    QTest::newRow("latents_mean length") << std::string("latents_mean") << std::string("[0.1, 0.2]");
    QTest::newRow("groups do not divide") << std::string("norm_num_groups") << std::string("24");
  }

  void badVaeValueNamesTheKey() {
    QFETCH(std::string, key);
    QFETCH(std::string, value);
    QTemporaryDir dir;
    const auto path = patched_config(dir, "vae", key, value);
    expect_model_file_error([](const std::string& p) { AutoencoderKLConfig::from_json_file(p); }, path, key);
  }

  void unreadableFilesAreModelFileErrors() {
    QTemporaryDir dir;
    const auto missing = dir.path().toStdString() + "/nope/config.json";
    QVERIFY_THROWS_EXCEPTION(gesso::ModelFileError, UNet2DConditionConfig::from_json_file(missing));
    QVERIFY_THROWS_EXCEPTION(gesso::ModelFileError, UNet2DConditionConfig::from_json_file(write_text(dir, "{\"a\": ")));
    QVERIFY_THROWS_EXCEPTION(gesso::ModelFileError, AutoencoderKLConfig::from_json_file(write_text(dir, "[1, 2]")));
  }
};

QTEST_GUILESS_MAIN(TestModelConfigs)
#include "test_model_configs.moc"
