// The torch.save reader: files the real torch.save wrote read back with every tensor and plain
// value under its dotted path, zero-copy where stored; hostile files are refused by name and run
// nothing; a pickle cut or mutated anywhere is a PickleError, never a crash.
#include <QtTest>

#include <torch/torch.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "common/fixtures.h"
#include "engine/error.h"
#include "engine/io/pickle_reader.h"
#include "engine/io/safetensors.h"
#include "engine/io/torch_checkpoint.h"

namespace fs = std::filesystem;
using gesso::io::open_torch_checkpoint;
using gesso::io::WeightSet;

namespace {

std::string fixture(const std::string& name) { return (gesso::test::fixture_dir("pickle") / name).string(); }

std::string error_of(const std::string& path) {
  try {
    open_torch_checkpoint(path);
  } catch (const gesso::ModelFileError& e) {
    return e.what();
  }
  return "";
}

QJsonObject read_json(const std::string& path) {
  QFile f(QString::fromStdString(path));
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QJsonDocument::fromJson(f.readAll()).object();
}

std::vector<std::uint8_t> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Unpickles with every storage accepted: only the unpickler itself is under test.
bool unpickles(const std::vector<std::uint8_t>& bytes) {
  gesso::io::pickle::Options options;
  options.on_storage = [](const gesso::io::pickle::StorageRef&) {};
  try {
    gesso::io::pickle::unpickle(bytes.data(), bytes.size(), options);
    return true;
  } catch (const gesso::io::pickle::PickleError&) {
    return false;
  }
}

std::string write_file(const std::string& name, const std::string& bytes) {
  const auto path = (fs::temp_directory_path() / ("gesso_pk_" + name)).string();
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  return path;
}

}  // namespace

class TestTorchCheckpoint : public QObject {
  Q_OBJECT

 private slots:
  // Every tensor and value torch.save wrote, under the names the fixture's Python rule gives.
  void readsWhatTorchSaveWrote_data() {
    QTest::addColumn<QString>("file");
    for (const char* f : {"lightning.ckpt", "embedding.pt", "weights.bin", "legacy.pt", "deflated.ckpt", "protocol4.pt"})
      QTest::newRow(f) << QString(f);
  }
  void readsWhatTorchSaveWrote() {
    QFETCH(QString, file);
    const WeightSet set = open_torch_checkpoint(fixture(file.toStdString()));
    const auto expected = gesso::io::SafetensorsFile::open(fixture(file.toStdString() + ".expected.safetensors"));
    QCOMPARE(set.size(), expected.tensors().size());
    for (const auto& info : expected.tensors()) {
      const auto* e = set.find(info.name);
      QVERIFY2(e != nullptr, info.name.c_str());
      QCOMPARE(e->dtype, info.dtype);
      QCOMPARE(e->shape, info.shape);
      const torch::Tensor t = e->view();
      QCOMPARE(t.scalar_type(), info.dtype);
      QVERIFY2(torch::equal(t, expected.view(info.name)), info.name.c_str());
    }
    for (const auto& [k, v] : expected.metadata()) {
      const auto it = set.metadata().find(k);
      QVERIFY2(it != set.metadata().end() && it->second == v,
               (k + ": '" + (it == set.metadata().end() ? "(none)" : it->second) + "', not '" + v + "'").c_str());
    }
    QCOMPARE(set.metadata().size(), expected.metadata().size());
  }

  void lightningNamesAndValues() {
    const WeightSet set = open_torch_checkpoint(fixture("lightning.ckpt"));
    QVERIFY(set.contains("state_dict.model.diffusion_model.out.2.bias"));
    QCOMPARE(set.at("state_dict.model.diffusion_model.time_embed.0.weight").dtype, torch::kBFloat16);
    QCOMPARE(set.metadata().at("global_step"), std::string("470000"));
    QCOMPARE(set.metadata().at("np_step"), std::string("470001"));  // a numpy int64 scalar
    QCOMPARE(set.metadata().at("np_loss"), std::string("0.125"));
    QCOMPARE(set.metadata().at("lr"), std::string("1e-05"));
    QCOMPARE(set.metadata().at("flag"), std::string("True"));
    QCOMPARE(set.metadata().at("pytorch-lightning_version"), std::string("1.4.2"));
    QVERIFY(set.contains("callbacks.pytorch_lightning.callbacks.model_checkpoint.ModelCheckpoint.best_model_score"));
    QVERIFY(!set.metadata().count("none"));
    const WeightSet emb = open_torch_checkpoint(fixture("embedding.pt"));
    QCOMPARE(emb.at("string_to_param.*").shape, (std::vector<int64_t>{2, 8}));
    QCOMPARE(emb.metadata().at("string_to_token.*"), std::string("265"));
    QCOMPARE(emb.metadata().at("sd_checkpoint_name"), std::string("v1-5-pruned-emaonly"));
  }

  void storedTensorsAliasTheMapping() {
    torch::Tensor survivor;
    {
      const WeightSet set = open_torch_checkpoint(fixture("lightning.ckpt"));
      const auto base = set.at("state_dict.model.shared.base").view();
      const auto view = set.at("state_dict.model.shared.view").view();
      QCOMPARE(view.sizes().vec(), (std::vector<int64_t>{3, 3}));
      QCOMPARE(view.strides().vec(), (std::vector<int64_t>{1, 6}));
      // The strided view shares base's bytes: element [1][2] of base, 8 floats in.
      QCOMPARE(static_cast<const char*>(view.data_ptr()), static_cast<const char*>(base.data_ptr()) + 8 * 4);
      QCOMPARE(set.at("state_dict.model.shared.base").view().data_ptr(), base.data_ptr());
      survivor = set.at("state_dict.model.diffusion_model.out.2.bias").view();
    }  // the set is gone; the view keeps the mapping alive
    QVERIFY(torch::equal(survivor, (torch::arange(10, torch::kDouble) * 0.25 - 3.0).to(torch::kHalf)));
  }

  void deflatedRecordsAreCopies() {
    const WeightSet set = open_torch_checkpoint(fixture("deflated.ckpt"));
    const auto& e = set.at("state_dict.model.shared.view");
    const auto a = e.view(), b = e.view();
    QVERIFY(a.data_ptr() != b.data_ptr());
    QVERIFY(torch::equal(a, b));
  }

  void osSystemIsRefusedAndNeverRuns() {
    const auto markers = read_json(fixture("markers.json"));
    for (const auto& key : {"marker_system", "marker_subprocess"}) fs::remove(markers[key].toString().toStdString());
    const auto e = error_of(fixture("system.ckpt"));
    QVERIFY2(e.find("refused global 'posix.system'") != std::string::npos, e.c_str());
    QVERIFY(e.find(fixture("system.ckpt")) != std::string::npos);
    QVERIFY(!error_of(fixture("subprocess.ckpt")).empty());
    QVERIFY(!fs::exists(markers["marker_system"].toString().toStdString()));
    QVERIFY(!fs::exists(markers["marker_subprocess"].toString().toStdString()));
  }

  // Each hostile file gives a ModelFileError naming the file and what was refused or broken.
  void hostileFilesAreClearErrors() {
    const auto hostile = read_json(fixture("hostile.json"));
    QVERIFY(hostile.size() >= 20);
    for (auto it = hostile.begin(); it != hostile.end(); ++it) {
      const std::string path = fixture(it.key().toStdString());
      const std::string e = error_of(path);
      QVERIFY2(e.find(path) != std::string::npos, (it.key().toStdString() + ": '" + e + "'").c_str());
      for (const auto& word : it.value().toArray())
        QVERIFY2(e.find(word.toString().toStdString()) != std::string::npos,
                 (it.key().toStdString() + ": '" + e + "' lacks '" + word.toString().toStdString() + "'").c_str());
    }
  }

  // A pickle cut at every byte, or with any byte changed, is refused or read: never a crash.
  void cutAndMutatedPicklesNeverCrash() {
    for (const char* name : {"small.pkl", "lightning.pkl"}) {
      const auto bytes = read_bytes(fixture(name));
      QVERIFY(unpickles(bytes));
      for (std::size_t n = 0; n < bytes.size(); ++n)
        QVERIFY(!unpickles(std::vector<std::uint8_t>(bytes.begin(), bytes.begin() + n)));
      std::mt19937 rng(7);
      for (int i = 0; i < 3000; ++i) {
        auto m = bytes;
        m[rng() % m.size()] = static_cast<std::uint8_t>(rng());
        unpickles(m);  // either way is fine; getting here is the test
      }
    }
  }

  // The same for the zip around it: cut anywhere or with bytes changed, a ModelFileError or a
  // readable file whose every tensor can be made.
  void cutAndMutatedZipsNeverCrash() {
    std::mt19937 rng(11);
    int refused = 0;
    for (int i = 0; i < 1800; ++i) {
      const auto bytes = read_bytes(fixture(i % 3 == 0 ? "small.ckpt" : i % 3 == 1 ? "legacy.pt" : "deflated.ckpt"));
      std::string m(bytes.begin(), bytes.end());
      if (i < 300) m.resize(rng() % m.size());
      for (int k = 0; i >= 300 && k < 1 + i % 4; ++k) m[rng() % m.size()] = static_cast<char>(rng());
      const auto path = write_file("mutated.ckpt", m);
      try {
        const WeightSet set = open_torch_checkpoint(path);
        for (const auto& [name, e] : set.entries()) QCOMPARE(e.view().sizes().vec(), e.shape);
      } catch (const gesso::ModelFileError&) {
        ++refused;
      }
    }
    QVERIFY(refused >= 300);
  }

  void looksLikeTorchCheckpoint() {
    using gesso::io::looks_like_torch_checkpoint;
    for (const char* f : {"lightning.ckpt", "embedding.pt", "weights.bin", "legacy.pt", "deflated.ckpt", "protocol4.pt"})
      QVERIFY2(looks_like_torch_checkpoint(fixture(f)), f);
    QVERIFY(!looks_like_torch_checkpoint(fixture("lightning.ckpt.expected.safetensors")));
    QVERIFY(!looks_like_torch_checkpoint(fixture("hostile.json")));
    QVERIFY(!looks_like_torch_checkpoint(fixture("truncated.ckpt")));
    QVERIFY(!looks_like_torch_checkpoint(fixture("no_pickle.ckpt")));
    QVERIFY(!looks_like_torch_checkpoint("/nonexistent/model.ckpt"));
  }

  void otherFilesNameThePath() {
    QVERIFY(error_of("/nonexistent/model.ckpt").find("/nonexistent/model.ckpt: cannot open") != std::string::npos);
    QVERIFY(error_of(fs::temp_directory_path().string()).find("not a regular file") != std::string::npos);
    QVERIFY(error_of(write_file("tiny.ckpt", "PK\3\4")).find("too short") != std::string::npos);
    QVERIFY(error_of(fixture("lightning.ckpt.expected.safetensors")).find("not a PyTorch checkpoint") != std::string::npos);
    std::string tar(1024, '\0');
    tar.replace(257, 5, "ustar");
    QVERIFY(error_of(write_file("old.tar", tar)).find("before torch 0.4") != std::string::npos);
  }
};

QTEST_GUILESS_MAIN(TestTorchCheckpoint)
#include "test_torch_checkpoint.moc"
