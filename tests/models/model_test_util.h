#pragma once
// Shared by the model tests: where the fixture's models are, and how far two tensors are apart.
#include <QtTest>

#include <torch/torch.h>

#include <filesystem>
#include <string>

#include "common/fixtures.h"

namespace gesso::test {

inline std::string model_dir(const std::string& name) { return (fixture_dir("models") / name).string(); }

inline std::string reference_path(const std::string& name) {
  return (fixture_dir("models") / name / "reference.safetensors").string();
}

// Max |a - b|, or infinity when the shapes differ (so a shape mismatch can never pass).
inline double max_abs_diff(const torch::Tensor& a, const torch::Tensor& b) {
  if (a.sizes() != b.sizes()) {
    qWarning() << "shape mismatch:" << c10::str(a.sizes()).c_str() << "vs" << c10::str(b.sizes()).c_str();
    return std::numeric_limits<double>::infinity();
  }
  return (a.to(torch::kDouble) - b.to(torch::kDouble)).abs().max().item<double>();
}

// The comparison every model test makes: within tolerance, and not trivially (the reference is
// not all zeros, so an all-zero output cannot pass).
inline void expect_close(const std::string& what, const torch::Tensor& actual, const torch::Tensor& expected,
                         double& worst, double tolerance = 1e-4) {
  const double diff = max_abs_diff(actual, expected);
  worst = std::max(worst, diff);
  const double scale = expected.abs().max().item<double>();
  qInfo("%s: max |diff| %.3g (reference max |x| %.3g)", what.c_str(), diff, scale);
  QVERIFY2(scale > 1e-2, (what + ": reference is (near) zero").c_str());
  QVERIFY2(diff <= tolerance, (what + ": max abs diff " + std::to_string(diff) + " > tolerance").c_str());
}

}  // namespace gesso::test
