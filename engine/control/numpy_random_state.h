#pragma once
// numpy's legacy np.random.RandomState, as far as uniform draws go, so that a seeded preprocessor
// (shuffle) draws exactly what sd-webui-controlnet draws after np.random.seed(seed).
#include <cstdint>
#include <random>

namespace gesso::control {

class NumpyRandomState {
 public:
  // RandomState(seed): MT19937's init_genrand, which is also std::mt19937's seeding.
  explicit NumpyRandomState(uint32_t seed) : mt_(seed) {}

  // random_sample() (and uniform(0, 1)): two 32-bit outputs, 27 + 26 bits, a 53-bit double in [0, 1).
  double uniform() {
    const uint32_t a = static_cast<uint32_t>(mt_()) >> 5, b = static_cast<uint32_t>(mt_()) >> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

 private:
  std::mt19937 mt_;
};

}  // namespace gesso::control
