#pragma once
// diffusers builds its schedules with numpy; these reproduce the numpy routines it calls, to the
// bit, so that timesteps and sigmas match exactly (a Karras timestep moves by several float32
// ulps when one log differs by one).
#include <vector>

namespace gesso::schedulers::np {

// np.linspace(start, stop, num) in float64.
std::vector<double> linspace(double start, double stop, int num);

// np.arange(start, stop, step) for a float step (numpy fills start + i * ((start + step) - start)).
std::vector<double> arange(double start, double stop, double step);

// np.round: half to even.
double round(double value);

// np.interp(x, np.arange(len(fp)), fp) for one x.
double interp_unit_grid(double x, const std::vector<double>& fp);

// np.log on a float32 array: numpy's x86-64 SIMD kernel (AVX2/AVX-512), a rational
// approximation that is not correctly rounded, so neither logf nor torch.log reproduce it.
float log_f32(float x);

}  // namespace gesso::schedulers::np
