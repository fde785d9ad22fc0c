// Image files: every PNG layout read to 8-bit RGB/RGBA, PNG text chunks (tEXt/zTXt/iTXt) both ways,
// atomic writes that never overwrite, and corrupt or missing files reported as errors naming them.
#include <QTemporaryDir>
#include <QtTest>

#include <png.h>
#include <torch/torch.h>
#include <zlib.h>

#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "common/fixtures.h"
#include "engine/error.h"
#include "engine/io/image_io.h"
#include "engine/io/png_text.h"
#include "engine/io/safetensors.h"

#if GESSO_HAVE_IMGCODECS
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#endif

namespace fs = std::filesystem;
using gesso::Image;
using gesso::io::WriteMode;

namespace {

std::string fixture(const std::string& name) { return (gesso::test::fixture_dir("image_fixture") / name).string(); }

torch::Tensor reference(const std::string& name) {
  return gesso::io::SafetensorsFile::open(fixture("reference.safetensors")).view(name).clone();
}

Image pattern(int w, int h, int channels, int seed = 0) {
  Image image = gesso::io::make_image(w, h, channels);
  for (size_t i = 0; i < image.pixels.size(); ++i) image.pixels[i] = static_cast<uint8_t>((i * 37 + seed * 11) ^ (i >> 5));
  return image;
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// The message of the gesso::Error `f` throws, or "" when it throws none.
template <typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const gesso::Error& e) {
    return e.what();
  }
  return "";
}

int part_files_in(const QString& dir) {
  int count = 0;
  for (const auto& entry : fs::directory_iterator(dir.toStdString())) {
    count += entry.path().filename().string().find(".part-") != std::string::npos;
  }
  return count;
}

// Where the last IDAT chunk of a PNG ends (after its CRC).
size_t end_of_last_idat(const std::string& png) {
  size_t pos = 8, end = 0;
  while (pos + 12 <= png.size()) {
    const uint32_t len = (uint8_t(png[pos]) << 24) | (uint8_t(png[pos + 1]) << 16) | (uint8_t(png[pos + 2]) << 8) |
                         uint8_t(png[pos + 3]);
    if (png.compare(pos + 4, 4, "IDAT") == 0) end = pos + 12 + len;
    pos += 12 + len;
  }
  return end;
}

// A valid PNG header chunk claiming width x height, with a correct CRC.
std::string png_claiming(uint32_t width, uint32_t height) {
  std::string ihdr = "IHDR";
  for (uint32_t v : {width, height}) {
    for (int s = 24; s >= 0; s -= 8) ihdr += static_cast<char>((v >> s) & 0xff);
  }
  ihdr += std::string("\x08\x02\x00\x00\x00", 5);
  const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(ihdr.data()), ihdr.size());
  std::string out = "\x89PNG\r\n\x1a\n" + std::string("\0\0\0\x0d", 4) + ihdr;
  for (int s = 24; s >= 0; s -= 8) out += static_cast<char>((crc >> s) & 0xff);
  return out + std::string(64, '\0');
}

// Writes an Adam7-interlaced RGB PNG with libpng directly (write_png never interlaces).
void write_interlaced(const std::string& path, const Image& image) {
  FILE* file = std::fopen(path.c_str(), "wb");
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  std::vector<png_bytep> rows(image.height);  // before setjmp: a longjmp must skip no destructor
  for (int y = 0; y < image.height; ++y) rows[y] = const_cast<png_bytep>(image.at(0, y));
  if (setjmp(png_jmpbuf(png))) QFAIL("libpng failed writing the interlaced fixture");
  png_init_io(png, file);
  png_set_IHDR(png, info, image.width, image.height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_ADAM7,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  png_write_image(png, rows.data());
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  std::fclose(file);
}

}  // namespace

class TestImageIo : public QObject {
  Q_OBJECT

 private slots:
  void readsEveryPngLayout_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("channels");
    QTest::newRow("rgb8") << "rgb" << "rgb_pixels" << 3;
    QTest::newRow("rgba8") << "rgba" << "rgba_pixels" << 4;
    QTest::newRow("gray8") << "gray" << "gray_expected" << 3;
    QTest::newRow("rgb16") << "rgb16" << "rgb16_expected" << 3;
    QTest::newRow("rgba16") << "rgba16" << "rgba16_expected" << 4;
    QTest::newRow("gray16") << "gray16" << "gray16_expected" << 3;
    QTest::newRow("gray+alpha16") << "ga16" << "ga16_expected" << 4;
    QTest::newRow("gray1") << "gray1" << "gray1_expected" << 3;
    QTest::newRow("gray2") << "gray2" << "gray2_expected" << 3;
    QTest::newRow("gray4") << "gray4" << "gray4_expected" << 3;
    QTest::newRow("gray+alpha8") << "gray_alpha" << "gray_alpha_expected" << 4;
    QTest::newRow("palette") << "palette" << "palette_expected" << 3;
    QTest::newRow("palette+tRNS") << "palette_trns" << "palette_trns_expected" << 4;
    QTest::newRow("gray+tRNS key") << "gray_trns" << "gray_trns_expected" << 4;
    QTest::newRow("rgb+tRNS key") << "rgb_trns" << "rgb_trns_expected" << 4;
  }

  void readsEveryPngLayout() {
    QFETCH(QString, file);
    QFETCH(QString, expected);
    QFETCH(int, channels);
    const Image image = gesso::io::read_image(fixture(file.toStdString() + ".png"));
    const torch::Tensor want = reference(expected.toStdString());
    QCOMPARE(image.channels, channels);
    QCOMPARE(image.height, static_cast<int>(want.size(0)));
    QCOMPARE(image.width, static_cast<int>(want.size(1)));
    QCOMPARE(static_cast<int64_t>(image.pixels.size()), want.numel());
    QVERIFY(std::memcmp(image.pixels.data(), want.data_ptr<uint8_t>(), image.pixels.size()) == 0);
  }

  void readsInterlaced() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("adam7.png").toStdString();
    const Image image = pattern(37, 19, 3);
    write_interlaced(path, image);
    QVERIFY(gesso::io::read_image(path).pixels == image.pixels);
    QVERIFY(gesso::io::read_png_text(path).empty());
  }

  void readsOtherFormatsThroughOpenCv() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("picture.bmp").toStdString();
#if GESSO_HAVE_IMGCODECS
    const Image image = pattern(21, 13, 3);
    cv::Mat bgr;
    cv::cvtColor(gesso::io::to_mat(image), bgr, cv::COLOR_RGB2BGR);
    QVERIFY(cv::imwrite(path, bgr));
    QVERIFY(gesso::io::read_image(path).pixels == image.pixels);  // BGR on disk, RGB in memory
    write_bytes(path, "BM not really a bitmap");
    QVERIFY(error_of([&] { gesso::io::read_image(path); }).find(path) != std::string::npos);
#else
    write_bytes(path, "BM not really a bitmap");
    QVERIFY(error_of([&] { gesso::io::read_image(path); }).find("not a PNG") != std::string::npos);
#endif
  }

  void readsTextChunks() {
    const auto expected = nlohmann::json::parse(read_bytes(fixture("texts.json")));
    for (const auto& [file, texts] : expected.items()) {
      const auto got = gesso::io::read_png_text(fixture(file));
      QCOMPARE(got.size(), texts.size());
      for (const auto& [key, value] : texts.items()) {
        QVERIFY2(got.count(key), key.c_str());
        QCOMPARE(QString::fromStdString(got.at(key)), QString::fromStdString(value.get<std::string>()));
      }
    }
  }

  void writeRoundTrip_data() {
    QTest::addColumn<int>("channels");
    QTest::newRow("gray") << 1;
    QTest::newRow("rgb") << 3;
    QTest::newRow("rgba") << 4;
  }

  void writeRoundTrip() {
    QFETCH(int, channels);
    QTemporaryDir dir;
    const std::string path = dir.filePath("out.png").toStdString();
    const Image image = pattern(33, 17, channels);
    const gesso::io::PngText text = {
        {"parameters", "a café, (red:1.2)\nNegative prompt: blurry\nSteps: 20, Sampler: Euler a, CFG scale: 7"},
        {"Comment", "猫と犬 🐱"},
        {"Empty", ""},
        {"Software", "Gesso"}};
    gesso::io::write_png(path, image, text);
    const Image back = gesso::io::read_image(path);
    QCOMPARE(back.width, image.width);
    QCOMPARE(back.height, image.height);
    QVERIFY(back.pixels == (channels == 1 ? gesso::io::to_rgb(image).pixels : image.pixels));
    const auto read = gesso::io::read_png_text(path);
    QCOMPARE(read.size(), text.size());
    for (const auto& [key, value] : text) QCOMPARE(QString::fromStdString(read.at(key)), QString::fromStdString(value));
    // Latin-1 text is tEXt (café as the single byte E9), the rest iTXt, as PIL/A1111 write them.
    const std::string bytes = read_bytes(path);
    QVERIFY(bytes.find("tEXtparameters") != std::string::npos);
    QVERIFY(bytes.find("caf\xe9") != std::string::npos);
    QVERIFY(bytes.find("iTXtComment") != std::string::npos);
    QVERIFY(bytes.find("tEXtSoftware") != std::string::npos);
    QVERIFY(bytes.find("tEXtparameters") < bytes.find("IDAT"));
    QCOMPARE(part_files_in(dir.path()), 0);
  }

  void neverOverwrites() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("taken.png").toStdString();
    gesso::io::write_png(path, pattern(8, 8, 3, 1));
    const std::string before = read_bytes(path);
    const std::string message = error_of([&] { gesso::io::write_png(path, pattern(8, 8, 3, 2)); });
    QVERIFY2(message.find(path) != std::string::npos && message.find("exists") != std::string::npos,
             message.c_str());
    QCOMPARE(read_bytes(path), before);
    QCOMPARE(part_files_in(dir.path()), 0);
    gesso::io::write_png(path, pattern(8, 8, 3, 2), {}, WriteMode::kOverwrite);
    QVERIFY(gesso::io::read_image(path).pixels == pattern(8, 8, 3, 2).pixels);
    QCOMPARE(part_files_in(dir.path()), 0);
  }

  void concurrentWritersOneWins() {
    // The existence check and the creation are one atomic step: of writers racing for one name,
    // exactly one succeeds and the file is entirely its image.
    QTemporaryDir dir;
    const std::string path = dir.filePath("race.png").toStdString();
    constexpr int kWriters = 8;
    std::atomic<int> winners{0}, winner{-1};
    std::vector<std::thread> threads;
    for (int i = 0; i < kWriters; ++i) {
      threads.emplace_back([&, i] {
        try {
          gesso::io::write_png(path, pattern(64, 64, 3, i));
          ++winners;
          winner = i;
        } catch (const gesso::Error&) {
        }
      });
    }
    for (auto& t : threads) t.join();
    QCOMPARE(winners.load(), 1);
    QVERIFY(gesso::io::read_image(path).pixels == pattern(64, 64, 3, winner).pixels);
    QCOMPARE(part_files_in(dir.path()), 0);
  }

  void failedWritesLeaveNothing() {
    QTemporaryDir dir;
    const std::string missing_dir = dir.filePath("no/such/folder/x.png").toStdString();
    QVERIFY(error_of([&] { gesso::io::write_png(missing_dir, pattern(4, 4, 3)); }).find(missing_dir) !=
            std::string::npos);
    const std::string path = dir.filePath("bad.png").toStdString();
    QVERIFY(!error_of([&] { gesso::io::write_png(path, pattern(4, 4, 3), {{std::string(80, 'k'), "v"}}); }).empty());
    QVERIFY(!error_of([&] { gesso::io::write_png(path, pattern(4, 4, 3), {{"", "v"}}); }).empty());
    QVERIFY(!error_of([&] { gesso::io::write_png(path, pattern(4, 4, 3), {{"猫", "v"}}); }).empty());
    QVERIFY(!error_of([&] { gesso::io::write_png(path, pattern(4, 4, 3), {{"k", "bad \xff utf8"}}); }).empty());
    Image broken = pattern(4, 4, 3);
    broken.pixels.pop_back();
    QVERIFY(!error_of([&] { gesso::io::write_png(path, broken); }).empty());
    QVERIFY(!fs::exists(path));
    QCOMPARE(part_files_in(dir.path()), 0);
  }

  void missingFilesNameThePath() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("nowhere.png").toStdString();
    for (const std::string& message : {error_of([&] { gesso::io::read_image(path); }),
                                       error_of([&] { gesso::io::read_png_text(path); })}) {
      QVERIFY2(message.find(path) != std::string::npos && message.find("no such file") != std::string::npos,
               message.c_str());
    }
    const std::string folder = dir.path().toStdString();
    QVERIFY(error_of([&] { gesso::io::read_image(folder); }).find(folder) != std::string::npos);
  }

  void truncatedFilesAreErrors() {
    QTemporaryDir dir;
    const std::string good = dir.filePath("good.png").toStdString();
    gesso::io::write_png(good, pattern(24, 16, 4), {{"parameters", "Steps: 20"}});
    const std::string bytes = read_bytes(good);
    const size_t data_end = end_of_last_idat(bytes);
    QVERIFY(data_end > 0 && data_end < bytes.size());
    const std::string cut = dir.filePath("cut.png").toStdString();
    for (size_t n = 0; n < bytes.size(); ++n) {
      write_bytes(cut, bytes.substr(0, n));
      const std::string text_error = error_of([&] { gesso::io::read_png_text(cut); });
      QVERIFY2(text_error.find(cut) != std::string::npos, qPrintable(QString::number(n)));
      if (n < data_end) {
        const std::string image_error = error_of([&] { gesso::io::read_image(cut); });
        QVERIFY2(image_error.find(cut) != std::string::npos, qPrintable(QString::number(n)));
      } else {
        // Pixels complete, only the trailing IEND lost: readable, as PIL reads it.
        QVERIFY(gesso::io::read_image(cut).pixels == pattern(24, 16, 4).pixels);
      }
    }
  }

  void corruptFilesAreErrors() {
    QTemporaryDir dir;
    const std::string good = dir.filePath("good.png").toStdString();
    gesso::io::write_png(good, pattern(24, 16, 3));
    const std::string bytes = read_bytes(good);
    const std::string bad = dir.filePath("bad.png").toStdString();
    // Any byte flipped after the signature breaks a CRC of a critical chunk (or the chunk layout).
    for (size_t i = 8; i < end_of_last_idat(bytes); ++i) {
      std::string flipped = bytes;
      flipped[i] = static_cast<char>(flipped[i] ^ 0x5a);
      write_bytes(bad, flipped);
      QVERIFY2(error_of([&] { gesso::io::read_image(bad); }).find(bad) != std::string::npos,
               qPrintable(QString::number(i)));
    }
    write_bytes(bad, png_claiming(1u << 30, 1u << 30));  // no huge allocation, an error
    QVERIFY(error_of([&] { gesso::io::read_image(bad); }).find(bad) != std::string::npos);
    write_bytes(bad, png_claiming(16000, 16000));  // within limits, but far too little data for it
    QVERIFY(error_of([&] { gesso::io::read_image(bad); }).find(bad) != std::string::npos);
    write_bytes(bad, std::string("\x89PNG\r\n\x1a\n", 8) + std::string(100, '\x42'));
    QVERIFY(error_of([&] { gesso::io::read_image(bad); }).find("corrupt") != std::string::npos);
    QVERIFY(error_of([&] { gesso::io::read_png_text(bad); }).find("corrupt") != std::string::npos);
    write_bytes(bad, "");
    QVERIFY(error_of([&] { gesso::io::read_image(bad); }).find(bad) != std::string::npos);
    QVERIFY(error_of([&] { gesso::io::read_png_text(bad); }).find("not a PNG") != std::string::npos);
  }

  void nextFreePath() {
    QTemporaryDir dir;
    const std::string d = dir.path().toStdString();
    QCOMPARE(QString::fromStdString(gesso::io::next_free_path(d, "gesso")),
             QString::fromStdString((fs::path(d) / "gesso-0001.png").string()));
    for (const char* name : {"gesso-0001.png", "gesso-0007-extra.png", "gesso-abc.png", "other-0042.png"}) {
      write_bytes((fs::path(d) / name).string(), "x");
    }
    QCOMPARE(QString::fromStdString(gesso::io::next_free_path(d, "gesso")),
             QString::fromStdString((fs::path(d) / "gesso-0008.png").string()));
    write_bytes((fs::path(d) / "gesso-12345.png").string(), "x");
    QCOMPARE(QString::fromStdString(gesso::io::next_free_path(d, "gesso")),
             QString::fromStdString((fs::path(d) / "gesso-12346.png").string()));
  }

  void textEncodings() {
    QCOMPARE(gesso::io::utf8_to_latin1("caf\xc3\xa9").value(), std::string("caf\xe9"));
    QVERIFY(!gesso::io::utf8_to_latin1("\xe7\x8c\xab").has_value());  // 猫
    QVERIFY(!gesso::io::utf8_to_latin1("\xc3").has_value());          // cut sequence
    QCOMPARE(gesso::io::latin1_to_utf8("caf\xe9"), std::string("caf\xc3\xa9"));
    QVERIFY(!gesso::io::is_valid_utf8("\xc0\xaf"));          // overlong '/'
    QVERIFY(!gesso::io::is_valid_utf8("\xed\xa0\x80"));      // surrogate
    QVERIFY(gesso::io::is_valid_utf8("\xf0\x9f\x90\xb1"));   // 🐱
  }
};

QTEST_GUILESS_MAIN(TestImageIo)
#include "test_image_io.moc"
