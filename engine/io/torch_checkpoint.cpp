#include "engine/io/torch_checkpoint.h"

#include <caffe2/serialize/inline_container.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <torch/torch.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <string_view>

#include "engine/error.h"
#include "engine/io/pickle_reader.h"

namespace gesso::io {

namespace {

namespace pk = pickle;

// A checkpoint's pickle describes tensors; SDXL's is ~2 MB. Anything near this is not a checkpoint.
constexpr std::uint64_t kMaxPickleBytes = 256ull << 20;
constexpr int kMaxDepth = 100;
constexpr std::size_t kMaxVisits = 1u << 22;
// The legacy format starts with PROTO 2 and LONG1 of torch's magic number 0x1950a86a20f9469cfc6c.
constexpr std::uint8_t kLegacyMagic[] = {0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19};

[[noreturn]] void fail(const std::string& path, const std::string& what) { throw ModelFileError(path, what); }

// Where a storage's bytes are: in place in the mapping, or in a compressed zip record.
struct Record {
  std::string name;  // the zip record without its archive folder ("data/3")
  bool in_place = true;
  std::uint64_t offset = 0;  // in the file, when in place
  std::uint64_t size = 0;
};

// The mapped file. Tensor views hold it (through their deleters) as long as they live.
struct Archive {
  std::string path;
  const std::uint8_t* base = nullptr;
  std::size_t size = 0;
  std::unique_ptr<caffe2::serialize::PyTorchStreamReader> zip;  // null for the legacy format
  std::map<std::string, Record> records;                        // by storage key

  Archive() = default;
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;
  ~Archive() {
    zip.reset();  // it reads through the mapping
    if (base != nullptr) munmap(const_cast<std::uint8_t*>(base), size);
  }
};

void map_file(Archive& a) {
  const int fd = ::open(a.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail(a.path, std::string("cannot open: ") + std::strerror(errno));
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    fail(a.path, "not a regular file");
  }
  if (st.st_size < 16) {
    ::close(fd);
    fail(a.path, "file of " + std::to_string(st.st_size) + " bytes is too short for a PyTorch checkpoint");
  }
  void* p = mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (p == MAP_FAILED) fail(a.path, std::string("cannot map: ") + std::strerror(errno));
  a.base = static_cast<const std::uint8_t*>(p);
  a.size = static_cast<std::size_t>(st.st_size);
}

bool is_zip(const Archive& a) { return std::memcmp(a.base, "PK\3\4", 4) == 0; }
bool is_legacy(const Archive& a) {
  return a.base[0] == 0x80 && std::memcmp(a.base + 2, kLegacyMagic, sizeof kLegacyMagic) == 0;
}

std::uint64_t le(const std::uint8_t* p, int n) {
  std::uint64_t v = 0;
  for (int i = n; i-- > 0;) v = (v << 8) | p[i];
  return v;
}

// ---- The zip's central directory, read and checked before LibTorch's reader sees the file: it
// gives each record's compression, and bounds every size a hostile directory could declare.

struct ZipEntry {
  std::string name;
  std::uint16_t method = 0;
  std::uint64_t compressed = 0, size = 0, local_offset = 0;
  std::uint32_t crc = 0;
};

std::size_t find_end_record(const Archive& a) {
  if (a.size < 22) fail(a.path, "truncated zip archive");
  const std::size_t lowest = a.size > 22 + 65535 ? a.size - 22 - 65535 : 0;
  for (std::size_t p = a.size - 22 + 1; p-- > lowest;)
    if (le(a.base + p, 4) == 0x06054b50) return p;
  fail(a.path, "truncated or not a zip archive: no end-of-central-directory record");
}

// (entries, directory size, directory offset), from the zip64 record where the classic one overflows.
std::array<std::uint64_t, 3> directory_extent(const Archive& a) {
  const std::size_t end = find_end_record(a);
  std::array<std::uint64_t, 3> d{le(a.base + end + 10, 2), le(a.base + end + 12, 4), le(a.base + end + 16, 4)};
  if (d[0] != 0xffff && d[1] != 0xffffffff && d[2] != 0xffffffff) return d;
  if (end < 20 || le(a.base + end - 20, 4) != 0x07064b50) fail(a.path, "zip64 locator missing");
  const std::uint64_t z = le(a.base + end - 20 + 8, 8);
  if (a.size < 56 || z > a.size - 56 || le(a.base + z, 4) != 0x06064b50) fail(a.path, "zip64 end record outside the file");
  return {le(a.base + z + 32, 8), le(a.base + z + 40, 8), le(a.base + z + 48, 8)};
}

// Sizes too large for the classic header are in the zip64 extra field, in this order.
void read_zip64_extra(const std::uint8_t* x, std::size_t n, ZipEntry& e) {
  for (std::size_t p = 0; p + 4 <= n;) {
    const auto id = le(x + p, 2), len = le(x + p + 2, 2);
    if (p + 4 + len > n) return;
    std::size_t q = p + 4;
    for (std::uint64_t* field : {&e.size, &e.compressed, &e.local_offset})
      if (*field == 0xffffffff && id == 1 && q + 8 <= p + 4 + len) *field = le(x + q, 8), q += 8;
    p += 4 + len;
  }
}

void check_entry(const Archive& a, const ZipEntry& e) {
  const std::string name = "record '" + e.name + "'";
  if (a.size < 30 || e.local_offset > a.size - 30 || e.compressed > a.size - e.local_offset - 30)
    fail(a.path, name + " lies outside the file (truncated?)");
  if (e.method == 0 && e.compressed != e.size) fail(a.path, name + ": stored sizes disagree");
  // deflate cannot expand data more than ~1032 times: a larger claim is a corrupt (or hostile) size
  if (e.method == 8 && e.size > e.compressed * 1032 + 1024) fail(a.path, name + ": impossible uncompressed size");
  if (e.method != 0 && e.method != 8) fail(a.path, name + ": compression method " + std::to_string(e.method));
}

std::vector<ZipEntry> central_directory(const Archive& a) {
  const auto [count, bytes, offset] = directory_extent(a);
  if (offset > a.size || bytes > a.size - offset) fail(a.path, "zip central directory lies outside the file (truncated?)");
  if (count > bytes / 46) fail(a.path, "zip central directory too small for its " + std::to_string(count) + " entries");
  std::vector<ZipEntry> out;
  const std::uint8_t* p = a.base + offset;
  const std::uint8_t* end = p + bytes;
  for (std::uint64_t i = 0; i < count; ++i) {
    if (end - p < 46 || le(p, 4) != 0x02014b50) fail(a.path, "corrupt zip central directory");
    const std::size_t n = le(p + 28, 2), x = le(p + 30, 2), c = le(p + 32, 2);
    if (static_cast<std::size_t>(end - p) < 46 + n + x + c) fail(a.path, "corrupt zip central directory");
    ZipEntry e{std::string(reinterpret_cast<const char*>(p + 46), n), static_cast<std::uint16_t>(le(p + 10, 2)),
               le(p + 20, 4), le(p + 24, 4), le(p + 42, 4)};
    e.crc = static_cast<std::uint32_t>(le(p + 16, 4));
    read_zip64_extra(p + 46 + n, x, e);
    check_entry(a, e);
    out.push_back(std::move(e));
    p += 46 + n + x + c;
  }
  return out;
}

std::uint32_t crc32(std::string_view bytes) {
  static const auto table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xffffffffu;
  for (const char b : bytes) c = table[(c ^ static_cast<std::uint8_t>(b)) & 0xff] ^ (c >> 8);
  return c ^ 0xffffffffu;
}

// The folder every record sits in, named as LibTorch's reader names it: by the first entry.
std::string archive_folder(const Archive& a, const std::vector<ZipEntry>& entries) {
  const auto slash = entries.empty() ? std::string::npos : entries.front().name.find('/');
  if (slash == std::string::npos) fail(a.path, "zip archive without a folder: not written by torch.save");
  return entries.front().name.substr(0, slash);
}

// ---- LibTorch's zip reader over the mapping; its errors become ModelFileErrors naming the file.

class MappedReader final : public caffe2::serialize::ReadAdapterInterface {
 public:
  MappedReader(const std::uint8_t* base, std::size_t size) : base_(base), size_(size) {}
  std::size_t size() const override { return size_; }
  std::size_t read(std::uint64_t pos, void* buf, std::size_t n, const char*) const override {
    if (pos >= size_) return 0;
    n = std::min<std::uint64_t>(n, size_ - pos);
    std::memcpy(buf, base_ + pos, n);
    return n;
  }

 private:
  const std::uint8_t* base_;
  std::size_t size_;
};

std::string first_line(const char* s) {
  const std::string_view v(s);
  return std::string(v.substr(0, std::min(v.find('\n'), std::size_t(300))));
}

template <class F>
auto zip_call(const Archive& a, const std::string& what, F&& f) {
  try {
    return f();
  } catch (const ModelFileError&) {
    throw;
  } catch (const c10::Error& e) {
    fail(a.path, what + " failed, the zip archive is corrupt (LibTorch: " + first_line(e.what_without_backtrace()) + ")");
  } catch (const std::bad_alloc&) {
    fail(a.path, what + " failed: out of memory");
  } catch (const std::exception& e) {  // the reader lets a few standard ones through (std::stoll's)
    fail(a.path, what + " failed, the zip archive is corrupt (" + first_line(e.what()) + ")");
  }
}

std::string read_small_record(const Archive& a, const std::string& name, std::uint64_t max_size) {
  return zip_call(a, "reading '" + name + "'", [&] {
    if (a.zip->getRecordSize(name) > max_size) fail(a.path, "record '" + name + "' is too large");
    auto [data, n] = a.zip->getRecord(name);
    return std::string(static_cast<const char*>(data.get()), n);
  });
}

// Where the storage's record is, checked to hold the bytes the pickle declares for it.
Record find_record(const Archive& a, const std::map<std::string, const ZipEntry*>& entries,
                   const std::string& folder, const pk::StorageRef& s) {
  const std::string name = "data/" + s.key;
  const auto it = entries.find(folder + "/" + name);
  if (it == entries.end()) fail(a.path, "storage '" + name + "' named by the pickle is not in the archive");
  const ZipEntry& e = *it->second;
  if (e.size < s.nbytes)
    fail(a.path, "record '" + name + "' holds " + std::to_string(e.size) + " bytes, its storage needs " +
                     std::to_string(s.nbytes));
  Record r{name, e.method == 0, 0, e.size};
  if (r.in_place) {
    r.offset = zip_call(a, "locating '" + name + "'", [&] { return a.zip->getRecordOffset(name); });
    if (r.offset > a.size || r.size > a.size - r.offset) fail(a.path, "record '" + name + "' lies outside the file");
  }
  return r;
}

pk::Unpickled unpickle(const Archive& a, const std::uint8_t* data, std::size_t size, const char* what,
                       const pk::Options& options = {}) {
  try {
    return pk::unpickle(data, size, options);
  } catch (const pk::PickleError& e) {
    fail(a.path, std::string(what) + ": " + e.what());
  }
}

pk::Unpickled open_zip(Archive& a) {
  const auto entries = central_directory(a);
  const std::string folder = archive_folder(a, entries);
  std::map<std::string, const ZipEntry*> by_name;
  for (const auto& e : entries)
    if (!by_name.emplace(e.name, &e).second) fail(a.path, "zip archive lists '" + e.name + "' twice");
  a.zip = zip_call(a, "opening the zip archive", [&] {
    return std::make_unique<caffe2::serialize::PyTorchStreamReader>(std::make_shared<MappedReader>(a.base, a.size));
  });
  if (zip_call(a, "listing", [&] { return a.zip->hasRecord("byteorder"); }) &&
      read_small_record(a, "byteorder", 16) != "little")
    fail(a.path, "written on a big-endian machine; re-save it on a little-endian one (x86, ARM)");
  const auto pickle_entry = by_name.find(folder + "/data.pkl");
  if (pickle_entry == by_name.end()) fail(a.path, "zip archive without '" + folder + "/data.pkl': not written by torch.save");
  const std::string pickle = read_small_record(a, "data.pkl", kMaxPickleBytes);
  // LibTorch's zip reader skips CRC checks; the pickle is small enough to check here.
  if (crc32(pickle) != pickle_entry->second->crc) fail(a.path, "data.pkl is corrupt: its CRC does not match");
  pk::Options options;
  options.on_storage = [&](const pk::StorageRef& s) {
    if (a.records.count(s.key) == 0) a.records.emplace(s.key, find_record(a, by_name, folder, s));
    else if (a.records.at(s.key).size < s.nbytes) find_record(a, by_name, folder, s);  // throws
  };
  return unpickle(a, reinterpret_cast<const std::uint8_t*>(pickle.data()), pickle.size(), "data.pkl", options);
}

// ---- The legacy format: pickles of the magic number, the protocol version and the system's
// byte order, then the object, then the list of storage keys, then each storage's bytes in that
// order, each after its element count.

struct LegacyStorage {
  std::size_t element_size = 1;  // of the first reference: the element count in the file counts these
  std::uint64_t nbytes = 0;      // the first reference's
  std::uint64_t largest = 0;     // what any reference needs
};

void check_legacy_header(const Archive& a, std::size_t& pos) {
  pos += unpickle(a, a.base, a.size, "magic number").consumed;
  const auto version = unpickle(a, a.base + pos, a.size - pos, "protocol version");
  pos += version.consumed;
  if (version.root->kind != pk::Kind::Int || version.root->integer != 1001)
    fail(a.path, "legacy format of an unknown protocol version");
  const auto info = unpickle(a, a.base + pos, a.size - pos, "system info");
  pos += info.consumed;
  for (const auto& [k, v] : info.root->entries)
    if (k->kind == pk::Kind::Str && k->text == "little_endian" && v->kind == pk::Kind::Bool && !v->integer)
      fail(a.path, "written on a big-endian machine; re-save it on a little-endian one (x86, ARM)");
}

void locate_legacy_storages(Archive& a, std::size_t pos, const std::map<std::string, LegacyStorage>& seen) {
  const auto keys = unpickle(a, a.base + pos, a.size - pos, "storage keys");
  pos += keys.consumed;
  if (keys.root->kind != pk::Kind::List) fail(a.path, "legacy storage keys are not a list");
  for (const auto& key : keys.root->items) {
    const auto it = key->kind == pk::Kind::Str ? seen.find(key->text) : seen.end();
    if (it == seen.end()) fail(a.path, "legacy storage list names a storage the pickle does not use");
    if (a.size - pos < 8) fail(a.path, "truncated: storage '" + key->text + "' is missing");
    const std::uint64_t count = le(a.base + pos, 8);
    const LegacyStorage& s = it->second;
    if (count > (a.size - pos - 8) / s.element_size) fail(a.path, "truncated: storage '" + key->text + "' runs past the end");
    const std::uint64_t bytes = count * s.element_size;
    if (bytes != s.nbytes || bytes < s.largest)
      fail(a.path, "storage '" + key->text + "' holds " + std::to_string(bytes) + " bytes, the pickle declares " +
                       std::to_string(s.largest));
    a.records[key->text] = Record{key->text, true, pos + 8, bytes};
    pos += 8 + bytes;
  }
  for (const auto& [key, s] : seen)
    if (a.records.count(key) == 0) fail(a.path, "storage '" + key + "' has no data in the file");
}

pk::Unpickled open_legacy(Archive& a) {
  std::size_t pos = 0;
  check_legacy_header(a, pos);
  std::map<std::string, LegacyStorage> seen;
  pk::Options options;
  options.on_storage = [&](const pk::StorageRef& s) {
    auto [it, fresh] = seen.try_emplace(s.key, LegacyStorage{c10::elementSize(s.dtype), s.nbytes, 0});
    it->second.largest = std::max(it->second.largest, s.nbytes);
  };
  auto object = unpickle(a, a.base + pos, a.size - pos, "pickle", options);
  locate_legacy_storages(a, pos + object.consumed, seen);
  return object;
}

// ---- Tensors, made when the loader asks.

// A private copy of the storage's bytes, viewed as the tensor, keeping no more than the tensor.
torch::Tensor copied(const std::uint8_t* p, std::int64_t count, const torch::TensorOptions& options,
                     const pk::TensorRef& t) {
  auto storage = torch::empty({count}, options);
  if (count > 0) std::memcpy(storage.data_ptr(), p, static_cast<std::size_t>(count) * storage.element_size());
  auto v = storage.as_strided(t.sizes, t.strides, t.offset);
  return v.numel() == storage.numel() && v.is_contiguous() ? v : v.clone();
}

torch::Tensor tensor_view(const std::shared_ptr<const Archive>& a, const pk::TensorRef& t) {
  const Record& r = a->records.at(t.storage.key);
  const auto elem = static_cast<std::uint64_t>(c10::elementSize(t.dtype));
  const auto count = static_cast<std::int64_t>(t.storage.nbytes / elem);
  const auto options = torch::TensorOptions().dtype(t.dtype).device(torch::kCPU);
  if (r.in_place) {
    const std::uint8_t* p = a->base + r.offset + t.storage.byte_offset;
    if (reinterpret_cast<std::uintptr_t>(p) % elem != 0) return copied(p, count, options, t);  // legacy packs storages
    auto storage = torch::from_blob(const_cast<std::uint8_t*>(p), {count}, [a](void*) {}, options);
    return storage.as_strided(t.sizes, t.strides, t.offset);
  }
  if (count == 0) return copied(nullptr, 0, options, t);
  auto [data, n] = zip_call(*a, "inflating '" + r.name + "'", [&] { return a->zip->getRecord(r.name); });
  if (n < t.storage.byte_offset + static_cast<std::uint64_t>(count) * elem)
    fail(a->path, "record '" + r.name + "' inflates to fewer bytes than its storage needs");
  return copied(static_cast<const std::uint8_t*>(data.get()) + t.storage.byte_offset, count, options, t);
}

// ---- Everything reachable, by dotted path.

// As Python's repr writes a float: the shortest digits that round-trip, positional from 1e-4 to
// 1e16 ("0.0001", "1.0"), else scientific with a two-digit exponent ("1e-05").
std::string float_text(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
  char buf[64];
  const std::string s(buf, std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific).ptr);
  const std::string sign = s[0] == '-' ? "-" : "";
  const auto e = s.find('e');
  const int exp = std::stoi(s.substr(e + 1));
  std::string digits;
  for (const char c : s.substr(sign.size(), e - sign.size()))
    if (c != '.') digits += c;
  if (exp < -4 || exp >= 16) {
    const std::string x = std::to_string(std::abs(exp));
    return sign + digits.substr(0, 1) + (digits.size() > 1 ? "." + digits.substr(1) : "") + "e" +
           (exp < 0 ? "-" : "+") + (x.size() < 2 ? "0" : "") + x;
  }
  if (exp < 0) return sign + "0." + std::string(static_cast<std::size_t>(-exp - 1), '0') + digits;
  const auto whole = static_cast<std::size_t>(exp) + 1;
  if (digits.size() <= whole) return sign + digits + std::string(whole - digits.size(), '0') + ".0";
  return sign + digits.substr(0, whole) + "." + digits.substr(whole);
}

std::optional<std::string> scalar_text(const pk::Value& v) {
  switch (v.kind) {
    case pk::Kind::Int: return std::to_string(v.integer);
    case pk::Kind::Float: return float_text(v.real);
    case pk::Kind::Bool: return v.integer ? "True" : "False";
    case pk::Kind::Str: return v.text;
    default: return std::nullopt;
  }
}

std::string key_text(const pk::Value& k) {
  if (auto s = scalar_text(k)) return *s;
  if (k.kind == pk::Kind::None) return "None";
  if (k.kind == pk::Kind::Global || k.kind == pk::Kind::Object) return k.text;  // Lightning keys callbacks by class
  if (k.kind != pk::Kind::Tuple) return "?";
  std::string s = "(";
  for (std::size_t i = 0; i < k.items.size(); ++i) s += (i ? ", " : "") + scalar_text(*k.items[i]).value_or("?");
  return s + ")";
}

class Flattener {
 public:
  Flattener(std::shared_ptr<const Archive> archive, WeightSet& out) : archive_(std::move(archive)), out_(out) {}

  void visit(const pk::Value& v, const std::string& path, int depth) {
    if (++visits_ > kMaxVisits) fail(archive_->path, "the pickle's containers refer to each other too often");
    if (depth > kMaxDepth) fail(archive_->path, "containers nested deeper than " + std::to_string(kMaxDepth) + " levels");
    const auto join = [&](const std::string& part) { return path.empty() ? part : path + "." + part; };
    if (v.kind == pk::Kind::Tensor) {
      out_.add(path, {v.tensor->sizes, v.tensor->dtype, [a = archive_, t = v.tensor] { return tensor_view(a, *t); }});
    } else if (auto s = scalar_text(v)) {
      out_.metadata()[path] = *s;
    } else if (v.kind == pk::Kind::Dict) {
      for (const auto& [k, value] : v.entries) visit(*value, join(key_text(*k)), depth + 1);
    } else if (v.kind == pk::Kind::List || v.kind == pk::Kind::Tuple) {  // a set's items have no order to name them by
      for (std::size_t i = 0; i < v.items.size(); ++i) visit(*v.items[i], join(std::to_string(i)), depth + 1);
    }
  }

 private:
  std::shared_ptr<const Archive> archive_;
  WeightSet& out_;
  std::size_t visits_ = 0;
};

}  // namespace

WeightSet open_torch_checkpoint(const std::string& path) {
  auto a = std::make_shared<Archive>();
  a->path = path;
  map_file(*a);
  if (a->size > 262 && std::memcmp(a->base + 257, "ustar", 5) == 0)
    fail(path, "a tar archive: torch.save's format before torch 0.4; load and re-save it with a current torch");
  if (!is_zip(*a) && !is_legacy(*a)) fail(path, "not a PyTorch checkpoint (neither a torch.save zip nor the legacy format)");
  const pk::Unpickled pickle = is_zip(*a) ? open_zip(*a) : open_legacy(*a);
  WeightSet set(path);
  Flattener(a, set).visit(*pickle.root, "", 0);
  return set;
}

bool looks_like_torch_checkpoint(const std::string& path) {
  try {
    Archive a;
    a.path = path;
    map_file(a);
    if (is_legacy(a)) return true;
    if (!is_zip(a)) return false;
    const auto entries = central_directory(a);
    const std::string folder = archive_folder(a, entries);
    for (const auto& e : entries)
      if (e.name == folder + "/data.pkl") return true;
  } catch (const std::exception&) {
  }
  return false;
}

}  // namespace gesso::io
