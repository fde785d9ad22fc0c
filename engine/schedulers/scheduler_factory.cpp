#include "engine/error.h"
#include "engine/schedulers/ddim.h"
#include "engine/schedulers/dpmpp_2m.h"
#include "engine/schedulers/euler.h"
#include "engine/schedulers/euler_ancestral.h"
#include "engine/schedulers/lms.h"
#include "engine/schedulers/pndm.h"
#include "engine/schedulers/scheduler.h"
#include "engine/schedulers/unipc.h"

#include <functional>
#include <utility>

namespace gesso::schedulers {
namespace {

using Factory = std::function<std::unique_ptr<Scheduler>(SchedulerConfig)>;

template <typename T>
Factory plain() {
  return [](SchedulerConfig config) { return std::make_unique<T>(config); };
}

// "DPM++ 2M" names a method, so the name fixes what the config might say otherwise.
Factory dpmpp_2m(bool karras) {
  return [karras](SchedulerConfig config) {
    config.algorithm_type = "dpmsolver++";
    config.solver_order = 2;
    config.use_karras_sigmas = karras;
    if (karras) config.use_exponential_sigmas = false;
    return std::make_unique<DpmSolverMultistepScheduler>(config);
  };
}

// User-facing names first, in menu order; then diffusers' class names.
const std::vector<std::pair<std::string, Factory>>& registry() {
  static const std::vector<std::pair<std::string, Factory>> entries = {
      {"Euler a", plain<EulerAncestralScheduler>()},
      {"Euler", plain<EulerScheduler>()},
      {"DPM++ 2M", dpmpp_2m(false)},
      {"DPM++ 2M Karras", dpmpp_2m(true)},
      {"DDIM", plain<DdimScheduler>()},
      {"PNDM", plain<PndmScheduler>()},
      {"LMS", plain<LmsScheduler>()},
      {"UniPC", plain<UniPcScheduler>()},
      {"EulerAncestralDiscreteScheduler", plain<EulerAncestralScheduler>()},
      {"EulerDiscreteScheduler", plain<EulerScheduler>()},
      {"DPMSolverMultistepScheduler", plain<DpmSolverMultistepScheduler>()},
      {"DDIMScheduler", plain<DdimScheduler>()},
      {"PNDMScheduler", plain<PndmScheduler>()},
      {"LMSDiscreteScheduler", plain<LmsScheduler>()},
      {"UniPCMultistepScheduler", plain<UniPcScheduler>()},
  };
  return entries;
}

constexpr size_t kUserFacingCount = 8;

}  // namespace

std::vector<std::string> scheduler_names() {
  std::vector<std::string> names;
  for (size_t i = 0; i < kUserFacingCount; ++i) names.push_back(registry()[i].first);
  return names;
}

std::unique_ptr<Scheduler> make_scheduler(const std::string& name, const SchedulerConfig& config) {
  for (const auto& [known, factory] : registry()) {
    if (known == name) return factory(config);
  }
  std::string list;
  for (const auto& known : scheduler_names()) list += (list.empty() ? "" : ", ") + known;
  throw RequestError("sampler", "unknown sampler '" + name + "'; known: " + list +
                                    " (or a diffusers class name such as EulerDiscreteScheduler)");
}

}  // namespace gesso::schedulers

namespace gesso::schedulers {
namespace {

// diffusers' class names with the user-facing names they stand for.
const std::vector<std::pair<std::string, std::string>>& class_names() {
  static const std::vector<std::pair<std::string, std::string>> names = {
      {"EulerAncestralDiscreteScheduler", "Euler a"}, {"EulerDiscreteScheduler", "Euler"},
      {"DPMSolverMultistepScheduler", "DPM++ 2M"},   {"DDIMScheduler", "DDIM"},
      {"PNDMScheduler", "PNDM"},                     {"LMSDiscreteScheduler", "LMS"},
      {"UniPCMultistepScheduler", "UniPC"}};
  return names;
}

}  // namespace

std::string default_sampler(const SchedulerConfig& config) {
  for (const auto& [cls, user] : class_names())
    if (cls == config.class_name) return cls;
  return "Euler a";
}

std::string sampler_display_name(const std::string& sampler, const SchedulerConfig& config) {
  for (const auto& [cls, user] : class_names()) {
    if (cls != sampler) continue;
    return cls == "DPMSolverMultistepScheduler" && config.use_karras_sigmas ? "DPM++ 2M Karras" : user;
  }
  return sampler;
}

}  // namespace gesso::schedulers
