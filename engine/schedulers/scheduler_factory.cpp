#include "engine/error.h"
#include "engine/schedulers/ddim.h"
#include "engine/schedulers/ddpm.h"
#include "engine/schedulers/dpmpp_2m.h"
#include "engine/schedulers/euler.h"
#include "engine/schedulers/euler_ancestral.h"
#include "engine/schedulers/lms.h"
#include "engine/schedulers/pndm.h"
#include "engine/schedulers/scheduler.h"
#include "engine/schedulers/unipc.h"

#include <utility>

namespace gesso::schedulers {
namespace {

std::unique_ptr<Scheduler> construct(SchedulerClass cls, const SchedulerSettings& settings) {
  switch (cls) {
    case SchedulerClass::kDdim: return std::make_unique<DdimScheduler>(settings);
    case SchedulerClass::kPndm: return std::make_unique<PndmScheduler>(settings);
    case SchedulerClass::kEuler: return std::make_unique<EulerScheduler>(settings);
    case SchedulerClass::kEulerAncestral: return std::make_unique<EulerAncestralScheduler>(settings);
    case SchedulerClass::kLms: return std::make_unique<LmsScheduler>(settings);
    case SchedulerClass::kDpmSolverMultistep: return std::make_unique<DpmSolverMultistepScheduler>(settings);
    case SchedulerClass::kUniPc: return std::make_unique<UniPcScheduler>(settings);
    case SchedulerClass::kDdpm: return std::make_unique<DdpmScheduler>(settings);
  }
  throw Error("unknown scheduler class");
}

// What a user-facing name fixes over the config (from_config's keyword arguments).
using Override = void (*)(SchedulerSettings&);

// "DPM++ 2M" names a method, so the name fixes what the config might say otherwise.
void dpmpp_2m(SchedulerSettings& s) {
  s.algorithm_type = "dpmsolver++";
  s.solver_order = 2;
  s.use_karras_sigmas = false;
}

void dpmpp_2m_karras(SchedulerSettings& s) {
  dpmpp_2m(s);
  s.use_karras_sigmas = true;
  s.use_exponential_sigmas = false;
}

struct UserName {
  const char* name;
  SchedulerClass cls;
  Override override = nullptr;
};

// In menu order.
const UserName kUserNames[] = {
    {"Euler a", SchedulerClass::kEulerAncestral},
    {"Euler", SchedulerClass::kEuler},
    {"DPM++ 2M", SchedulerClass::kDpmSolverMultistep, dpmpp_2m},
    {"DPM++ 2M Karras", SchedulerClass::kDpmSolverMultistep, dpmpp_2m_karras},
    {"DDIM", SchedulerClass::kDdim},
    {"PNDM", SchedulerClass::kPndm},
    {"LMS", SchedulerClass::kLms},
    {"UniPC", SchedulerClass::kUniPc},
    {"DDPM", SchedulerClass::kDdpm},
};

}  // namespace

std::vector<std::string> scheduler_names() {
  std::vector<std::string> names;
  for (const auto& user : kUserNames) names.push_back(user.name);
  return names;
}

std::unique_ptr<Scheduler> make_scheduler(const std::string& name, const SchedulerConfig& config) {
  for (const auto& user : kUserNames) {
    if (name != user.name) continue;
    auto settings = settings_for(config, user.cls);
    if (user.override) user.override(settings);
    return construct(user.cls, settings);
  }
  if (const auto cls = scheduler_class(name)) return construct(*cls, settings_for(config, *cls));
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
      {"UniPCMultistepScheduler", "UniPC"},         {"DDPMScheduler", "DDPM"}};
  return names;
}

}  // namespace

std::string default_sampler(const SchedulerConfig& config) {
  return scheduler_class(config.class_name) ? config.class_name : "Euler a";
}

std::string sampler_display_name(const std::string& sampler, const SchedulerConfig& config) {
  for (const auto& [cls, user] : class_names()) {
    if (cls != sampler) continue;
    const bool karras = config.use_karras_sigmas.value_or(false);
    return cls == "DPMSolverMultistepScheduler" && karras ? "DPM++ 2M Karras" : user;
  }
  return sampler;
}

}  // namespace gesso::schedulers
