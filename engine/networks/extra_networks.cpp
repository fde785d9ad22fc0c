#include "engine/networks/extra_networks.h"

#include <regex>
#include <sstream>

#include "engine/error.h"
#include "engine/io/a1111_parameters.h"

namespace gesso::networks {
namespace {

double number(const std::string& text, const std::string& tag) {
  try {
    std::size_t used = 0;
    const double v = std::stod(text, &used);
    if (used == text.size()) return v;
  } catch (const std::exception&) {
  }
  throw RequestError("prompt", "<" + tag + ">: '" + text + "' is not a number");
}

LoraTag lora_of(const std::vector<std::string>& args, const std::string& tag) {
  LoraTag t;
  std::vector<std::string> positional;
  bool unet_given = false;
  for (const auto& a : args) {
    if (a.rfind("te=", 0) == 0) {
      t.text_multiplier = number(a.substr(3), tag);
    } else if (a.rfind("unet=", 0) == 0) {
      t.unet_multiplier = number(a.substr(5), tag);
      unet_given = true;
    } else if (a.rfind("dyn=", 0) != 0) {
      positional.push_back(a);
    }
  }
  if (positional.empty() || positional[0].empty()) throw RequestError("prompt", "<" + tag + "> names no LoRA");
  t.name = positional[0];
  if (positional.size() > 1) t.text_multiplier = number(positional[1], tag);
  if (positional.size() > 2) {
    t.unet_multiplier = number(positional[2], tag);
    unet_given = true;
  }
  if (!unet_given) t.unet_multiplier = t.text_multiplier;
  return t;
}

}  // namespace

ExtraNetworks parse_extra_networks(const std::string& prompt) {
  // A1111: <(\w+):([^>]+)>
  static const std::regex tag(R"(<(\w+):([^>]+)>)");
  ExtraNetworks out;
  std::string rest;
  auto begin = std::sregex_iterator(prompt.begin(), prompt.end(), tag);
  std::size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    rest += prompt.substr(last, static_cast<std::size_t>(m.position()) - last);
    last = static_cast<std::size_t>(m.position() + m.length());
    const auto kind = m[1].str();
    std::vector<std::string> args;
    std::stringstream in(m[2].str());
    for (std::string a; std::getline(in, a, ':');) args.push_back(a);
    if (kind == "lora" || kind == "lyco") out.loras.push_back(lora_of(args, kind + ":" + m[2].str()));
    else out.other.push_back(m.str());
  }
  rest += prompt.substr(last);
  out.prompt = rest;
  return out;
}

std::string lora_tag_text(const LoraTag& t) {
  std::string s = "<lora:" + t.name + ":" + io::format_number(t.text_multiplier);
  if (t.unet_multiplier != t.text_multiplier) s += ":" + io::format_number(t.unet_multiplier);
  return s + ">";
}

}  // namespace gesso::networks
