#include "engine/schedulers/numpy_compat.h"

#include <cmath>
#include <limits>

namespace gesso::schedulers::np {

std::vector<double> linspace(double start, double stop, int num) {
  std::vector<double> out;
  if (num <= 0) return out;
  out.resize(static_cast<size_t>(num));
  const double delta = stop - start;
  const int div = num - 1;
  if (div > 0) {
    const double step = delta / div;
    for (int i = 0; i < num; ++i) {
      // numpy divides first when the step underflows to zero; otherwise multiplies by the step.
      out[i] = (step == 0.0 ? (static_cast<double>(i) / div) * delta : static_cast<double>(i) * step) + start;
    }
    out[num - 1] = stop;
  } else {
    out[0] = 0.0 * delta + start;
  }
  return out;
}

std::vector<double> arange(double start, double stop, double step) {
  std::vector<double> out;
  const double length = std::ceil((stop - start) / step);
  if (!(length > 0)) return out;
  const auto n = static_cast<size_t>(length);
  out.resize(n);
  out[0] = start;
  if (n > 1) out[1] = start + step;
  const double delta = out.size() > 1 ? out[1] - out[0] : step;
  for (size_t i = 2; i < n; ++i) out[i] = start + static_cast<double>(i) * delta;
  return out;
}

double round(double value) { return std::nearbyint(value); }

double interp_unit_grid(double x, const std::vector<double>& fp) {
  const auto n = static_cast<long>(fp.size());
  if (std::isnan(x)) return x;
  if (x < 0.0) return fp.front();
  if (x >= static_cast<double>(n - 1)) return fp.back();
  const auto j = static_cast<long>(std::floor(x));
  if (static_cast<double>(j) == x) return fp[j];
  const double slope = (fp[j + 1] - fp[j]) / (static_cast<double>(j + 1) - static_cast<double>(j));
  double result = slope * (x - static_cast<double>(j)) + fp[j];
  if (std::isnan(result)) result = slope * (x - static_cast<double>(j + 1)) + fp[j + 1];
  return result;
}

namespace {

// The minimax coefficients of numpy's log(1 + x) = P(x) / Q(x), x in [sqrt(1/2) - 1, sqrt(2) - 1].
constexpr float kP[6] = {0.000000000000000000000e+00f, 9.999999999999998702752e-01f,
                         2.112677543073053063722e+00f, 1.480000633576506585156e+00f,
                         3.808837741388407920751e-01f, 2.589979117907922693523e-02f};
constexpr float kQ[6] = {1.000000000000000000000e+00f, 2.612677543073109236779e+00f,
                         2.453006071784736363091e+00f, 9.864942958519418960339e-01f,
                         1.546476374983906719538e-01f, 5.875095403124574342950e-03f};
constexpr float kLn2 = 0.693147180559945309417232121458176568f;
constexpr float kSqrtHalf = 0.707106781186547524400844362104849039f;

}  // namespace

float log_f32(float x) {
  if (std::isnan(x)) return std::numeric_limits<float>::quiet_NaN();
  if (x < 0.0f) return -std::numeric_limits<float>::quiet_NaN();
  if (x == 0.0f) return -std::numeric_limits<float>::infinity();
  if (std::isinf(x)) return x;
  int exponent_int = 0;
  float m = std::frexp(x, &exponent_int);  // x = m * 2^e, m in [0.5, 1)
  auto exponent = static_cast<float>(exponent_int);
  if (m <= kSqrtHalf) {
    m = m + m;
    exponent = exponent - 1.0f;
  }
  m = m - 1.0f;
  float num = std::fma(kP[5], m, kP[4]);
  for (int i = 3; i >= 0; --i) num = std::fma(num, m, kP[i]);
  float den = std::fma(kQ[5], m, kQ[4]);
  for (int i = 3; i >= 0; --i) den = std::fma(den, m, kQ[i]);
  return std::fma(exponent, kLn2, num / den);
}

}  // namespace gesso::schedulers::np
