// Image <-> tensor conversions against diffusers' VaeImageProcessor (tests/fixtures/image_fixture.py):
// preprocess of RGB, RGBA and gray PNGs opened with load_image, postprocess(output_type="pil") in fp32 and fp16, the mask
// processor, and PIL's convert("L").
#include <QtTest>

#include <opencv2/core.hpp>
#include <torch/torch.h>

#include <cstring>

#include "common/fixtures.h"
#include "engine/error.h"
#include "engine/io/image.h"
#include "engine/io/image_io.h"
#include "engine/io/safetensors.h"

using gesso::Image;
using gesso::io::SafetensorsFile;

namespace {

std::string fixture(const std::string& name) { return (gesso::test::fixture_dir("image_fixture") / name).string(); }

torch::Tensor reference(const std::string& name) {
  return SafetensorsFile::open(fixture("reference.safetensors")).view(name).clone();
}

// An [H,W] or [H,W,C] uint8 tensor as an Image.
Image image_of(const torch::Tensor& hwc) {
  const torch::Tensor t = (hwc.dim() == 2 ? hwc.unsqueeze(2) : hwc).contiguous();
  Image image = gesso::io::make_image(static_cast<int>(t.size(1)), static_cast<int>(t.size(0)),
                                      static_cast<int>(t.size(2)));
  std::memcpy(image.pixels.data(), t.data_ptr<uint8_t>(), image.pixels.size());
  return image;
}

torch::Tensor hwc_of(const Image& image) {
  return torch::from_blob(const_cast<uint8_t*>(image.pixels.data()), {image.height, image.width, image.channels},
                          torch::kUInt8)
      .clone();
}

double max_diff(const torch::Tensor& a, const torch::Tensor& b) {
  return (a.to(torch::kDouble) - b.to(torch::kDouble)).abs().max().item<double>();
}

}  // namespace

class TestImageTensor : public QObject {
  Q_OBJECT

 private slots:
  void preprocessMatchesDiffusers_data() {
    QTest::addColumn<QString>("name");
    QTest::newRow("rgb") << "rgb";
    // As diffusers.utils.load_image opens them: convert("RGB") drops alpha, replicates gray.
    QTest::newRow("rgba") << "rgba";
    QTest::newRow("gray") << "gray";
  }

  void preprocessMatchesDiffusers() {
    QFETCH(QString, name);
    const Image image = gesso::io::read_image(fixture(name.toStdString() + ".png"));
    const torch::Tensor ours = gesso::io::image_to_tensor(image);
    const torch::Tensor theirs = reference(name.toStdString() + "_pre");
    QCOMPARE(ours.sizes(), theirs.sizes());
    QCOMPARE(ours.scalar_type(), torch::kFloat32);
    const double diff = max_diff(ours, theirs);
    qInfo("%s: max |diff| %.3g", qPrintable(name), diff);
    QVERIFY(diff <= 1e-6);
  }

  void postprocessMatchesDiffusers() {
    const torch::Tensor decoded = reference("decoded");
    for (int i = 0; i < 2; ++i) {
      const Image ours = gesso::io::tensor_to_image(decoded, i);
      QCOMPARE(ours.channels, 3);
      QVERIFY(torch::equal(hwc_of(ours), reference("decoded_pil_" + std::to_string(i))));
    }
    // [C,H,W] input is the same as batch entry 0.
    QVERIFY(torch::equal(hwc_of(gesso::io::tensor_to_image(decoded[1])), hwc_of(gesso::io::tensor_to_image(decoded, 1))));
  }

  void postprocessHalfMatchesDiffusers() {
    const torch::Tensor half = reference("decoded_f16");
    QCOMPARE(half.scalar_type(), torch::kHalf);
    QVERIFY(torch::equal(hwc_of(gesso::io::tensor_to_image(half)), reference("decoded_f16_pil")));
  }

  void roundTripIsExact() {
    // uint8 -> [-1,1] -> uint8 returns every value: the pipeline's img2img with no change.
    const Image image = gesso::io::read_image(fixture("rgb.png"));
    QVERIFY(gesso::io::tensor_to_image(gesso::io::image_to_tensor(image)).pixels == image.pixels);
  }

  void maskMatchesDiffusers() {
    const Image mask = gesso::io::read_image(fixture("mask.png"));
    const torch::Tensor ours = gesso::io::mask_to_tensor(mask);
    const torch::Tensor theirs = reference("mask_pre");
    QCOMPARE(ours.sizes(), theirs.sizes());
    QCOMPARE(max_diff(ours, theirs), 0.0);
    const double ones = theirs.mean().item<double>();
    QVERIFY(ones > 0.1 && ones < 0.9);  // the fixture straddles the threshold
  }

  void grayMatchesPil() {
    const Image rgb = image_of(reference("rgb_pixels"));
    QVERIFY(hwc_of(gesso::io::to_gray(rgb)).squeeze(2).equal(reference("gray_of_rgb")));
  }

  void badTensorsAreErrors() {
    QVERIFY_THROWS_EXCEPTION(gesso::Error, gesso::io::tensor_to_image(torch::zeros({2, 8, 8})));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, gesso::io::tensor_to_image(torch::zeros({1, 3, 8, 8}), 1));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, gesso::io::tensor_to_image(torch::zeros({3, 8, 8}, torch::kUInt8)));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, gesso::io::tensor_to_image(torch::zeros({8, 8})));
  }

  void matAndResize() {
    const Image rgb = image_of(reference("rgb_pixels"));
    QVERIFY(gesso::io::from_mat(gesso::io::to_mat(rgb)).pixels == rgb.pixels);
    const Image small = gesso::io::resize(rgb, 32, 24, gesso::io::Interp::kLanczos);
    QCOMPARE(small.width, 32);
    QCOMPARE(small.height, 24);
    QCOMPARE(small.channels, 3);
    // A uniform image stays uniform under every interpolation (and RGB order is kept).
    Image flat = gesso::io::make_image(20, 10, 3);
    for (size_t i = 0; i < flat.pixels.size(); i += 3) {
      flat.pixels[i] = 200;
      flat.pixels[i + 1] = 100;
      flat.pixels[i + 2] = 7;
    }
    for (auto interp : {gesso::io::Interp::kNearest, gesso::io::Interp::kArea, gesso::io::Interp::kLanczos}) {
      const Image r = gesso::io::resize(flat, 13, 31, interp);
      QCOMPARE(r.at(5, 5)[0], uint8_t{200});
      QCOMPARE(r.at(5, 5)[2], uint8_t{7});
    }
  }
};

QTEST_GUILESS_MAIN(TestImageTensor)
#include "test_image_tensor.moc"
