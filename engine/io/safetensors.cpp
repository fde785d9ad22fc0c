#include "engine/io/safetensors.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <torch/torch.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "engine/error.h"

namespace gesso::io {

// The mapping outlives every tensor view made from it (views hold a shared_ptr).
struct SafetensorsFile::Mapping {
  std::string path;
  const std::uint8_t* base = nullptr;
  std::size_t size = 0;
  const std::uint8_t* data = nullptr;  // start of the data area
  std::vector<TensorInfo> tensors;
  std::map<std::string, std::size_t> index;
  std::map<std::string, std::string> metadata;

  Mapping() = default;
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() {
    if (base != nullptr && size > 0) munmap(const_cast<std::uint8_t*>(base), size);
  }
};

namespace {

// A header larger than this is not a model header but a corrupt length field.
constexpr std::uint64_t kMaxHeaderBytes = 100ull << 20;

struct DtypeSpec {
  const char* name;
  torch::ScalarType type;
  std::size_t bytes;
};
constexpr DtypeSpec kDtypes[] = {
    {"F32", torch::kFloat, 4}, {"F16", torch::kHalf, 2},   {"BF16", torch::kBFloat16, 2},
    {"F64", torch::kDouble, 8}, {"I64", torch::kLong, 8},  {"I32", torch::kInt, 4},
    {"I16", torch::kShort, 2}, {"I8", torch::kChar, 1},    {"U8", torch::kByte, 1},
    {"BOOL", torch::kBool, 1}};

const DtypeSpec* find_dtype(const std::string& name) {
  for (const auto& d : kDtypes)
    if (name == d.name) return &d;
  return nullptr;
}
const DtypeSpec* find_dtype(torch::ScalarType type) {
  for (const auto& d : kDtypes)
    if (type == d.type) return &d;
  return nullptr;
}

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw ModelFileError(path, what);
}

void map_file(SafetensorsFile::Mapping& m) {
  const int fd = ::open(m.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail(m.path, std::string("cannot open: ") + std::strerror(errno));
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    fail(m.path, "not a regular file");
  }
  m.size = static_cast<std::size_t>(st.st_size);
  if (m.size < 8) {
    ::close(fd);
    fail(m.path, "file of " + std::to_string(m.size) + " bytes is too short for a safetensors header");
  }
  void* p = mmap(nullptr, m.size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (p == MAP_FAILED) fail(m.path, std::string("cannot map: ") + std::strerror(errno));
  m.base = static_cast<const std::uint8_t*>(p);
}

std::uint64_t read_header_length(const SafetensorsFile::Mapping& m) {
  std::uint64_t n = 0;
  for (int i = 7; i >= 0; --i) n = (n << 8) | m.base[i];  // little-endian on any host
  if (n > m.size - 8 || n > kMaxHeaderBytes)
    fail(m.path, "header length " + std::to_string(n) + " exceeds file size " + std::to_string(m.size) +
                     " (truncated or not a safetensors file)");
  return n;
}

TensorInfo parse_entry(const std::string& path, const std::string& name, const nlohmann::json& e,
                       std::uint64_t data_size) {
  if (!e.is_object() || !e.contains("dtype") || !e.contains("shape") || !e.contains("data_offsets"))
    fail(path, "tensor '" + name + "': header entry needs dtype, shape and data_offsets");
  const auto& dt = e["dtype"];
  const DtypeSpec* spec = dt.is_string() ? find_dtype(dt.get<std::string>()) : nullptr;
  if (spec == nullptr) fail(path, "tensor '" + name + "': unsupported dtype " + dt.dump());
  TensorInfo info{name, spec->type, {}, 0, 0};
  std::uint64_t numel = 1;
  for (const auto& d : e["shape"]) {
    if (!d.is_number_unsigned()) fail(path, "tensor '" + name + "': bad shape " + e["shape"].dump());
    info.shape.push_back(d.get<int64_t>());
    numel *= d.get<std::uint64_t>();
  }
  const auto& off = e["data_offsets"];
  if (!off.is_array() || off.size() != 2 || !off[0].is_number_unsigned() || !off[1].is_number_unsigned())
    fail(path, "tensor '" + name + "': bad data_offsets " + off.dump());
  info.begin = off[0].get<std::uint64_t>();
  info.end = off[1].get<std::uint64_t>();
  if (info.end < info.begin || info.end > data_size)
    fail(path, "tensor '" + name + "': data_offsets [" + std::to_string(info.begin) + ", " +
                   std::to_string(info.end) + "] point outside the data area of " +
                   std::to_string(data_size) + " bytes");
  if (info.end - info.begin != numel * spec->bytes)
    fail(path, "tensor '" + name + "': " + std::to_string(info.end - info.begin) +
                   " bytes do not match shape " + e["shape"].dump() + " of " + spec->name);
  return info;
}

void check_no_overlap(const std::string& path, std::vector<TensorInfo> sorted) {
  // Empty tensors occupy no bytes and may sit at any offset.
  std::erase_if(sorted, [](const TensorInfo& t) { return t.begin == t.end; });
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
  for (std::size_t i = 1; i < sorted.size(); ++i)
    if (sorted[i].begin < sorted[i - 1].end)
      fail(path, "tensors '" + sorted[i - 1].name + "' and '" + sorted[i].name + "' overlap");
}

void parse_header(SafetensorsFile::Mapping& m) {
  const std::uint64_t n = read_header_length(m);
  const char* text = reinterpret_cast<const char*>(m.base + 8);
  nlohmann::json header = nlohmann::json::parse(text, text + n, nullptr, /*allow_exceptions=*/false);
  if (!header.is_object()) fail(m.path, "header is not a JSON object");
  m.data = m.base + 8 + n;
  const std::uint64_t data_size = m.size - 8 - n;
  for (auto it = header.begin(); it != header.end(); ++it) {
    if (it.key() == "__metadata__") {
      if (!it.value().is_object()) fail(m.path, "__metadata__ is not an object");
      for (auto kv = it.value().begin(); kv != it.value().end(); ++kv)
        m.metadata[kv.key()] = kv.value().is_string() ? kv.value().get<std::string>() : kv.value().dump();
      continue;
    }
    m.index[it.key()] = m.tensors.size();
    m.tensors.push_back(parse_entry(m.path, it.key(), it.value(), data_size));
  }
  check_no_overlap(m.path, m.tensors);
}

}  // namespace

SafetensorsFile SafetensorsFile::open(const std::string& path) {
  auto m = std::make_shared<Mapping>();
  m->path = path;
  map_file(*m);
  parse_header(*m);
  SafetensorsFile f;
  f.map_ = std::move(m);
  return f;
}

const std::string& SafetensorsFile::path() const { return map_->path; }
const std::vector<TensorInfo>& SafetensorsFile::tensors() const { return map_->tensors; }
bool SafetensorsFile::contains(const std::string& name) const { return map_->index.count(name) > 0; }
const std::map<std::string, std::string>& SafetensorsFile::metadata() const { return map_->metadata; }

const TensorInfo& SafetensorsFile::info(const std::string& name) const {
  const auto it = map_->index.find(name);
  if (it == map_->index.end()) throw ModelFileError(map_->path, "no tensor named '" + name + "'");
  return map_->tensors[it->second];
}

torch::Tensor SafetensorsFile::view(const std::string& name) const {
  const TensorInfo& ti = info(name);
  const std::uint8_t* p = map_->data + ti.begin;
  const auto options = torch::TensorOptions().dtype(ti.dtype).device(torch::kCPU);
  const std::size_t elem = find_dtype(ti.dtype)->bytes;
  if (reinterpret_cast<std::uintptr_t>(p) % elem != 0) {
    // Misaligned data (legal in the format, rare in practice): copy rather than alias.
    auto t = torch::empty(ti.shape, options);
    std::memcpy(t.data_ptr(), p, ti.end - ti.begin);
    return t;
  }
  auto keep = map_;
  return torch::from_blob(const_cast<std::uint8_t*>(p), ti.shape, [keep](void*) {}, options);
}

void save_safetensors(const std::string& path,
                      const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                      const std::map<std::string, std::string>& metadata) {
  nlohmann::json header = nlohmann::json::object();
  if (!metadata.empty()) header["__metadata__"] = metadata;
  std::vector<torch::Tensor> data;
  std::uint64_t offset = 0;
  for (const auto& [name, t] : tensors) {
    const DtypeSpec* spec = find_dtype(t.scalar_type());
    if (spec == nullptr) throw Error(path + ": tensor '" + name + "' has a dtype safetensors cannot hold");
    auto c = t.detach().to(torch::kCPU).contiguous();
    const std::uint64_t bytes = c.numel() * spec->bytes;
    header[name] = {{"dtype", spec->name}, {"shape", c.sizes().vec()}, {"data_offsets", {offset, offset + bytes}}};
    offset += bytes;
    data.push_back(std::move(c));
  }
  std::string h = header.dump();
  h.append((8 - h.size() % 8) % 8, ' ');  // data area aligned to 8 bytes
  const std::string tmp = path + ".part";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    std::uint8_t len[8];
    for (int i = 0; i < 8; ++i) len[i] = static_cast<std::uint8_t>(static_cast<std::uint64_t>(h.size()) >> (8 * i));
    out.write(reinterpret_cast<const char*>(len), 8);
    out.write(h.data(), static_cast<std::streamsize>(h.size()));
    for (const auto& c : data)
      out.write(static_cast<const char*>(c.data_ptr()), static_cast<std::streamsize>(c.nbytes()));
    if (!out.flush()) {
      std::filesystem::remove(tmp);
      throw Error(path + ": write failed");
    }
  }
  std::filesystem::rename(tmp, path);
}

}  // namespace gesso::io
