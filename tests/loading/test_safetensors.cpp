// The safetensors reader: files written by the reference library read back exactly, zero-copy;
// every kind of corrupt header is a ModelFileError naming the file, never a crash.
#include <QtTest>

#include <torch/torch.h>

#include <filesystem>
#include <fstream>

#include "common/fixtures.h"
#include "engine/error.h"
#include "engine/io/safetensors.h"

namespace fs = std::filesystem;
using gesso::io::SafetensorsFile;

namespace {

torch::Tensor ar(int64_t n, torch::ScalarType t) {
  return (torch::arange(n, torch::kDouble) * 0.25 - 3.0).to(t);
}

// Writes an 8-byte little-endian length, the header text and `data_bytes` zero bytes.
std::string write_raw(const std::string& name, uint64_t header_len, const std::string& header, size_t data_bytes) {
  const auto path = (fs::temp_directory_path() / ("gesso_st_" + name + ".safetensors")).string();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (int i = 0; i < 8; ++i) out.put(static_cast<char>((header_len >> (8 * i)) & 0xff));
  out << header << std::string(data_bytes, '\0');
  return path;
}

std::string error_of(const std::string& path) {
  try {
    SafetensorsFile::open(path);
  } catch (const gesso::ModelFileError& e) {
    return e.what();
  }
  return "";
}

std::string header_file(const std::string& name, const std::string& header, size_t data_bytes) {
  return write_raw(name, header.size(), header, data_bytes);
}

}  // namespace

class TestSafetensors : public QObject {
  Q_OBJECT

 private slots:
  void readsReferenceLibraryFile() {
    const auto f = SafetensorsFile::open((gesso::test::fixture_dir("loading") / "reference.safetensors").string());
    QCOMPARE(f.tensors().size(), size_t(5));
    QVERIFY(torch::equal(f.view("a.f32"), ar(24, torch::kFloat).reshape({2, 3, 4})));
    QVERIFY(torch::equal(f.view("b.f16"), ar(10, torch::kHalf)));
    QVERIFY(torch::equal(f.view("c.bf16"), ar(6, torch::kBFloat16).reshape({3, 2})));
    QVERIFY(torch::equal(f.view("d.i64"), torch::arange(5, torch::kLong)));
    QCOMPARE(f.view("e.empty").sizes().vec(), (std::vector<int64_t>{0, 3}));
    QCOMPARE(f.metadata().at("note"), std::string("gesso"));
  }

  void viewsAliasTheMapping() {
    const auto f = SafetensorsFile::open((gesso::test::fixture_dir("loading") / "reference.safetensors").string());
    const auto a = f.view("a.f32");
    const auto b = f.view("a.f32");
    QCOMPARE(a.data_ptr(), b.data_ptr());  // zero-copy: both views point into the same mapped page
    torch::Tensor survivor;
    {
      const auto g = SafetensorsFile::open(f.path());
      survivor = g.view("b.f16");
    }  // the file object is gone; the view keeps the mapping alive
    QVERIFY(torch::equal(survivor, ar(10, torch::kHalf)));
  }

  void roundTripsOwnWriter() {
    const auto path = (fs::temp_directory_path() / "gesso_st_roundtrip.safetensors").string();
    const auto x = torch::randn({3, 5});
    gesso::io::save_safetensors(path, {{"x", x}, {"y", x.to(torch::kBFloat16)}}, {{"k", "v"}});
    const auto f = SafetensorsFile::open(path);
    QVERIFY(torch::equal(f.view("x"), x));
    QVERIFY(torch::equal(f.view("y"), x.to(torch::kBFloat16)));
    QCOMPARE(f.metadata().at("k"), std::string("v"));
    QVERIFY(!fs::exists(path + ".part"));
  }

  void corruptHeadersAreClearErrors() {
    const std::string ok = R"({"t":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})";
    QVERIFY(error_of(header_file("ok", ok, 8)).empty());
    QVERIFY(error_of(write_raw("huge", 9000000000000000000ull, ok, 8)).find("exceeds file size") != std::string::npos);
    QVERIFY(error_of(header_file("trunc", ok, 4)).find("outside the data area") != std::string::npos);
    QVERIFY(error_of(header_file("json", "{not json", 8)).find("not a JSON object") != std::string::npos);
    QVERIFY(error_of(header_file("dtype", R"({"t":{"dtype":"F8","shape":[2],"data_offsets":[0,2]}})", 2))
                .find("unsupported dtype") != std::string::npos);
    QVERIFY(error_of(header_file("size", R"({"t":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", 8))
                .find("do not match shape") != std::string::npos);
    QVERIFY(error_of(header_file("overlap",
                                 R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                                 R"("b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})", 12))
                .find("overlap") != std::string::npos);
    QVERIFY(error_of(header_file("neg", R"({"t":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}})", 8))
                .find("bad shape") != std::string::npos);
    QVERIFY(error_of(header_file("reversed", R"({"t":{"dtype":"F32","shape":[0],"data_offsets":[8,0]}})", 8))
                .find("outside the data area") != std::string::npos);
  }

  void shortAndMissingFilesNameThePath() {
    const auto tiny = write_raw("tiny", 0, "", 0);
    std::filesystem::resize_file(tiny, 3);
    const auto e1 = error_of(tiny);
    QVERIFY(e1.find(tiny) != std::string::npos && e1.find("too short") != std::string::npos);
    const auto e2 = error_of("/nonexistent/unet.safetensors");
    QVERIFY(e2.find("/nonexistent/unet.safetensors") != std::string::npos);
    QVERIFY(error_of(fs::temp_directory_path().string()).find("not a regular file") != std::string::npos);
  }

  void unknownTensorNameIsAnError() {
    const auto f = SafetensorsFile::open((gesso::test::fixture_dir("loading") / "reference.safetensors").string());
    QVERIFY(!f.contains("nope"));
    QVERIFY_THROWS_EXCEPTION(gesso::ModelFileError, f.view("nope"));
  }
};

QTEST_GUILESS_MAIN(TestSafetensors)
#include "test_safetensors.moc"
