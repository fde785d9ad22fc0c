#include "engine/io/pickle_reader.h"

#include <c10/util/Half.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <limits>
#include <string_view>

namespace gesso::io::pickle {

ValueArena::~ValueArena() {
  // Every container is still held here, so emptying one frees only scalars: no deep recursion.
  for (auto& v : containers_) {
    v->items.clear();
    v->entries.clear();
  }
}

namespace {

// Far above what any checkpoint needs (an SDXL checkpoint's pickle makes ~50 k values), far
// below what would exhaust memory.
constexpr std::size_t kMaxStack = 1u << 20;
constexpr std::size_t kMaxMarks = 1u << 12;
constexpr std::size_t kMaxValues = 1u << 23;
constexpr std::size_t kMaxMemo = 1u << 23;
constexpr std::size_t kMaxLine = 1024;
constexpr std::size_t kMaxDims = 64;
constexpr std::uint64_t kMaxBytes = 1ull << 62;

enum Op : std::uint8_t {
  MARK = '(', STOP = '.', POP = '0', POP_MARK = '1', DUP = '2', FLOAT = 'F', INT = 'I',
  BININT = 'J', BININT1 = 'K', LONG = 'L', BININT2 = 'M', NONE = 'N', PERSID = 'P',
  BINPERSID = 'Q', REDUCE = 'R', STRING = 'S', BINSTRING = 'T', SHORT_BINSTRING = 'U',
  UNICODE = 'V', BINUNICODE = 'X', APPEND = 'a', BUILD = 'b', GLOBAL = 'c', DICT = 'd',
  EMPTY_DICT = '}', APPENDS = 'e', GET = 'g', BINGET = 'h', INST = 'i', LONG_BINGET = 'j',
  LIST = 'l', EMPTY_LIST = ']', OBJ = 'o', PUT = 'p', BINPUT = 'q', LONG_BINPUT = 'r',
  SETITEM = 's', TUPLE = 't', EMPTY_TUPLE = ')', SETITEMS = 'u', BINFLOAT = 'G',
  BINBYTES = 'B', SHORT_BINBYTES = 'C', PROTO = 0x80, NEWOBJ = 0x81, EXT1 = 0x82, EXT2 = 0x83,
  EXT4 = 0x84, TUPLE1 = 0x85, TUPLE2 = 0x86, TUPLE3 = 0x87, NEWTRUE = 0x88, NEWFALSE = 0x89,
  LONG1 = 0x8a, LONG4 = 0x8b, SHORT_BINUNICODE = 0x8c, BINUNICODE8 = 0x8d, BINBYTES8 = 0x8e,
  EMPTY_SET = 0x8f, ADDITEMS = 0x90, FROZENSET = 0x91, NEWOBJ_EX = 0x92, STACK_GLOBAL = 0x93,
  MEMOIZE = 0x94, FRAME = 0x95, BYTEARRAY8 = 0x96, NEXT_BUFFER = 0x97, READONLY_BUFFER = 0x98,
};

std::string op_name(std::uint8_t op) {
  static const std::pair<std::uint8_t, const char*> kNames[] = {
      {MARK, "MARK"}, {STOP, "STOP"}, {POP, "POP"}, {POP_MARK, "POP_MARK"}, {DUP, "DUP"},
      {FLOAT, "FLOAT"}, {INT, "INT"}, {BININT, "BININT"}, {BININT1, "BININT1"}, {LONG, "LONG"},
      {BININT2, "BININT2"}, {NONE, "NONE"}, {PERSID, "PERSID"}, {BINPERSID, "BINPERSID"},
      {REDUCE, "REDUCE"}, {STRING, "STRING"}, {BINSTRING, "BINSTRING"},
      {SHORT_BINSTRING, "SHORT_BINSTRING"}, {UNICODE, "UNICODE"}, {BINUNICODE, "BINUNICODE"},
      {APPEND, "APPEND"}, {BUILD, "BUILD"}, {GLOBAL, "GLOBAL"}, {DICT, "DICT"},
      {EMPTY_DICT, "EMPTY_DICT"}, {APPENDS, "APPENDS"}, {GET, "GET"}, {BINGET, "BINGET"},
      {INST, "INST"}, {LONG_BINGET, "LONG_BINGET"}, {LIST, "LIST"}, {EMPTY_LIST, "EMPTY_LIST"},
      {OBJ, "OBJ"}, {PUT, "PUT"}, {BINPUT, "BINPUT"}, {LONG_BINPUT, "LONG_BINPUT"},
      {SETITEM, "SETITEM"}, {TUPLE, "TUPLE"}, {EMPTY_TUPLE, "EMPTY_TUPLE"}, {SETITEMS, "SETITEMS"},
      {BINFLOAT, "BINFLOAT"}, {BINBYTES, "BINBYTES"}, {SHORT_BINBYTES, "SHORT_BINBYTES"},
      {PROTO, "PROTO"}, {NEWOBJ, "NEWOBJ"}, {EXT1, "EXT1"}, {EXT2, "EXT2"}, {EXT4, "EXT4"},
      {TUPLE1, "TUPLE1"}, {TUPLE2, "TUPLE2"}, {TUPLE3, "TUPLE3"}, {NEWTRUE, "NEWTRUE"},
      {NEWFALSE, "NEWFALSE"}, {LONG1, "LONG1"}, {LONG4, "LONG4"},
      {SHORT_BINUNICODE, "SHORT_BINUNICODE"}, {BINUNICODE8, "BINUNICODE8"},
      {BINBYTES8, "BINBYTES8"}, {EMPTY_SET, "EMPTY_SET"}, {ADDITEMS, "ADDITEMS"},
      {FROZENSET, "FROZENSET"}, {NEWOBJ_EX, "NEWOBJ_EX"}, {STACK_GLOBAL, "STACK_GLOBAL"},
      {MEMOIZE, "MEMOIZE"}, {FRAME, "FRAME"}, {BYTEARRAY8, "BYTEARRAY8"},
      {NEXT_BUFFER, "NEXT_BUFFER"}, {READONLY_BUFFER, "READONLY_BUFFER"}};
  for (const auto& [code, name] : kNames)
    if (code == op) return name;
  static const char* kHex = "0123456789abcdef";
  return std::string("0x") + kHex[op >> 4] + kHex[op & 15];
}

[[noreturn]] void fail(const std::string& what) { throw PickleError(what); }

// What a name looks like in a message: printable ASCII only, cut at 200 characters.
std::string printable(std::string_view s) {
  std::string out;
  for (const char c : s.substr(0, 200)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
  return s.size() > 200 ? out + "..." : out;
}

// One code point of UTF-8 at s[i], advancing i; false on a malformed sequence. Surrogates pass,
// as Python's pickle writes them ("surrogatepass").
bool next_code_point(std::string_view s, std::size_t& i, std::uint32_t& cp) {
  const auto b = static_cast<std::uint8_t>(s[i]);
  const int extra = b < 0x80 ? 0 : (b & 0xe0) == 0xc0 ? 1 : (b & 0xf0) == 0xe0 ? 2 : (b & 0xf8) == 0xf0 ? 3 : -1;
  if (extra < 0 || i + static_cast<std::size_t>(extra) >= s.size()) return false;
  cp = extra == 0 ? b : b & (0x3f >> extra);
  for (int k = 1; k <= extra; ++k) {
    const auto c = static_cast<std::uint8_t>(s[i + k]);
    if ((c & 0xc0) != 0x80) return false;
    cp = (cp << 6) | (c & 0x3f);
  }
  static constexpr std::uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
  if (cp < kMin[extra] || cp > 0x10ffff) return false;  // overlong or out of range
  i += extra + 1;
  return true;
}

bool valid_utf8(std::string_view s) {
  std::uint32_t cp = 0;
  for (std::size_t i = 0; i < s.size();)
    if (!next_code_point(s, i, cp)) return false;
  return true;
}

// Bounds-checked reads from the pickle.
class Cursor {
 public:
  Cursor(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  std::size_t pos() const { return pos_; }
  std::size_t left() const { return size_ - pos_; }
  std::uint8_t byte() {
    need(1);
    return data_[pos_++];
  }
  std::uint64_t le(unsigned n) {
    need(n);
    std::uint64_t v = 0;
    for (unsigned i = n; i-- > 0;) v = (v << 8) | data_[pos_ + i];
    pos_ += n;
    return v;
  }
  std::string_view take(std::uint64_t n) {
    need(n);
    const std::string_view s(reinterpret_cast<const char*>(data_ + pos_), static_cast<std::size_t>(n));
    pos_ += static_cast<std::size_t>(n);
    return s;
  }
  std::string_view line() {
    const std::size_t limit = std::min(left(), kMaxLine + 1);
    const auto* end = static_cast<const std::uint8_t*>(std::memchr(data_ + pos_, '\n', limit));
    if (end == nullptr)
      fail(limit > kMaxLine ? "a GLOBAL name longer than " + std::to_string(kMaxLine) + " bytes"
                            : "truncated pickle: a GLOBAL name without its end of line");
    const std::string_view s = take(static_cast<std::size_t>(end - (data_ + pos_)));
    ++pos_;
    return s;
  }

 private:
  void need(std::uint64_t n) const {
    if (n > left())
      fail("truncated pickle: " + std::to_string(n) + " bytes needed at byte " + std::to_string(pos_) + ", " +
           std::to_string(left()) + " left");
  }
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

// What an allowlisted global is; the Machine reimplements each callable one.
enum Builtin : std::uint8_t {
  kNamedOnly = 0,  // a class named as an argument: never called
  kOrderedDict, kRebuildTensor, kRebuildTensorV2, kRebuildTensorV3, kRebuildParameter,
  kRebuildParameterWithState, kRebuildFromTypeV2, kTensorClass, kSize, kStorageType, kTorchDtype,
  kNumpyScalar, kNumpyDtype, kCodecsEncode, kSet,
};

constexpr std::pair<const char*, Builtin> kAllowed[] = {
    {"collections.OrderedDict", kOrderedDict},
    {"torch._utils._rebuild_tensor", kRebuildTensor},
    {"torch._utils._rebuild_tensor_v2", kRebuildTensorV2},
    {"torch._utils._rebuild_tensor_v3", kRebuildTensorV3},
    {"torch._utils._rebuild_parameter", kRebuildParameter},
    {"torch._utils._rebuild_parameter_with_state", kRebuildParameterWithState},
    {"torch._tensor._rebuild_from_type_v2", kRebuildFromTypeV2},
    {"torch.Tensor", kTensorClass},
    {"torch.nn.parameter.Parameter", kTensorClass},
    {"torch.Size", kSize},
    {"numpy.core.multiarray.scalar", kNumpyScalar},
    {"numpy._core.multiarray.scalar", kNumpyScalar},
    {"numpy.dtype", kNumpyDtype},
    {"_codecs.encode", kCodecsEncode},  // how protocol 2 writes bytes
    {"builtins.set", kSet}, {"builtins.frozenset", kSet},
    {"__builtin__.set", kSet}, {"__builtin__.frozenset", kSet},
};

// Classes Lightning checkpoints only refer to (a callback's class as a dict key; A1111's safe
// unpickler allows them too): kept as inert names, refused if anything tries to call them.
constexpr const char* kInert[] = {
    "pytorch_lightning.callbacks.model_checkpoint.ModelCheckpoint",
    "pytorch_lightning.callbacks.model_checkpoint",
    "lightning.pytorch.callbacks.model_checkpoint.ModelCheckpoint",
    "lightning.pytorch.callbacks.model_checkpoint",
};

struct DtypeName {
  torch::ScalarType type;
  const char* storage;
  const char* name;
  const char* alias;
};
constexpr DtypeName kDtypes[] = {
    {torch::kFloat, "FloatStorage", "float32", "float"},   {torch::kHalf, "HalfStorage", "float16", "half"},
    {torch::kBFloat16, "BFloat16Storage", "bfloat16", ""}, {torch::kDouble, "DoubleStorage", "float64", "double"},
    {torch::kLong, "LongStorage", "int64", "long"},        {torch::kInt, "IntStorage", "int32", "int"},
    {torch::kShort, "ShortStorage", "int16", "short"},     {torch::kChar, "CharStorage", "int8", ""},
    {torch::kByte, "ByteStorage", "uint8", ""},            {torch::kBool, "BoolStorage", "bool", ""},
    {torch::kByte, "UntypedStorage", "", ""},
};
// Real torch dtypes we do not load: named in the refusal instead of "refused global".
constexpr const char* kOtherDtypes[] = {
    "complex32", "complex64", "complex128", "cfloat", "cdouble", "chalf", "uint16", "uint32", "uint64",
    "float8_e4m3fn", "float8_e5m2", "float8_e4m3fnuz", "float8_e5m2fnuz", "float8_e8m0fnu",
    "float4_e2m1fn_x2", "qint8", "quint8", "qint32", "quint4x2", "quint2x4"};

bool is_storage_name(std::string_view name) {
  return name.size() > 7 && name.substr(name.size() - 7) == "Storage" &&
         std::all_of(name.begin(), name.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

std::string describe(const Value& v) {
  switch (v.kind) {
    case Kind::None: return "None";
    case Kind::Bool: return "a bool";
    case Kind::Int: return "an int";
    case Kind::Float: return "a float";
    case Kind::Str: return "a str";
    case Kind::Bytes: return "bytes";
    case Kind::List: return "a list";
    case Kind::Tuple: return "a tuple";
    case Kind::Dict: return "a dict";
    case Kind::Set: return "a set";
    case Kind::Storage: return "a storage";
    case Kind::Tensor: return "a tensor";
    case Kind::Global:
    case Kind::Object: return "'" + v.text + "'";
  }
  return "a value";
}

bool is_container(Kind k) { return k == Kind::List || k == Kind::Tuple || k == Kind::Dict || k == Kind::Set; }

class Machine {
 public:
  Machine(const std::uint8_t* data, std::size_t size, const Options& options)
      : in_(data, size), options_(options) {
    none_ = std::make_shared<Value>();
    true_ = std::make_shared<Value>();
    true_->kind = Kind::Bool;
    true_->integer = 1;
    false_ = std::make_shared<Value>();
    false_->kind = Kind::Bool;
  }
  Unpickled run();

 private:
  ValuePtr make(Kind kind);
  ValuePtr make_int(std::int64_t i);
  ValuePtr make_text(Kind kind, std::string_view s);
  ValuePtr make_items(Kind kind, std::vector<ValuePtr> items);

  std::size_t fence() const { return marks_.empty() ? 0 : marks_.back(); }
  void push(ValuePtr v);
  ValuePtr pop();
  const ValuePtr& top() const;
  std::vector<ValuePtr> pop_mark();

  void step(std::uint8_t op);
  bool scalar_op(std::uint8_t op);
  bool container_op(std::uint8_t op);
  bool memo_op(std::uint8_t op);
  bool object_op(std::uint8_t op);
  void put(std::uint64_t index);
  void get(std::uint64_t index);
  ValuePtr long_value(std::string_view bytes);
  ValuePtr str_value(std::string_view bytes);

  ValuePtr resolve(std::string_view module, std::string_view name);
  ValuePtr persistent(const Value& pid);
  void build(Value& target, const Value& state);
  ValuePtr call(const Value& f, const Value& args, const char* opcode);
  ValuePtr rebuild_tensor(const std::vector<ValuePtr>& a, const std::string& name, std::size_t lo,
                          std::size_t hi, int dtype_at);
  ValuePtr rebuild_from_type(const std::vector<ValuePtr>& a);
  ValuePtr ordered_dict(const std::vector<ValuePtr>& a);
  ValuePtr numpy_scalar(const std::vector<ValuePtr>& a);
  ValuePtr numpy_dtype(const std::vector<ValuePtr>& a);
  ValuePtr codecs_encode(const std::vector<ValuePtr>& a);

  ValueArena arena_;  // declared first: destroyed last, after the stack and memo let go
  Cursor in_;
  const Options& options_;
  std::vector<ValuePtr> stack_;
  std::vector<std::size_t> marks_;
  std::vector<ValuePtr> memo_;
  std::size_t values_ = 0;
  ValuePtr none_, true_, false_;
};

ValuePtr Machine::make(Kind kind) {
  if (++values_ > kMaxValues) fail("more than " + std::to_string(kMaxValues) + " values: not a checkpoint's pickle");
  auto v = std::make_shared<Value>();
  v->kind = kind;
  if (is_container(kind)) arena_.keep(v);
  return v;
}

ValuePtr Machine::make_int(std::int64_t i) {
  auto v = make(Kind::Int);
  v->integer = i;
  return v;
}

ValuePtr Machine::make_text(Kind kind, std::string_view s) {
  auto v = make(kind);
  v->text.assign(s);
  return v;
}

ValuePtr Machine::make_items(Kind kind, std::vector<ValuePtr> items) {
  auto v = make(kind);
  v->items = std::move(items);
  return v;
}

void Machine::push(ValuePtr v) {
  if (stack_.size() >= kMaxStack) fail("pickle stack deeper than " + std::to_string(kMaxStack));
  stack_.push_back(std::move(v));
}

// Like CPython's unpickler, nothing below the innermost MARK can be popped.
ValuePtr Machine::pop() {
  if (stack_.size() <= fence()) fail("stack underflow");
  auto v = std::move(stack_.back());
  stack_.pop_back();
  return v;
}

const ValuePtr& Machine::top() const {
  if (stack_.size() <= fence()) fail("stack underflow");
  return stack_.back();
}

std::vector<ValuePtr> Machine::pop_mark() {
  if (marks_.empty()) fail("no MARK to collect items from");
  const std::size_t m = marks_.back();
  marks_.pop_back();
  std::vector<ValuePtr> items(std::make_move_iterator(stack_.begin() + static_cast<std::ptrdiff_t>(m)),
                              std::make_move_iterator(stack_.end()));
  stack_.resize(m);
  return items;
}

Unpickled Machine::run() {
  std::size_t at = 0;
  std::uint8_t op = STOP;
  try {
    for (;;) {
      at = in_.pos();
      if (in_.left() == 0) throw PickleError("truncated pickle: it ends at byte " + std::to_string(at) + " without STOP");
      op = in_.byte();
      if (op == STOP) break;
      step(op);
    }
    if (stack_.size() <= fence()) fail("STOP with nothing to return");
  } catch (const PickleError& e) {
    if (in_.left() == 0 && at == in_.pos()) throw;  // the end of data: no opcode to name
    throw PickleError(std::string(e.what()) + " (opcode " + op_name(op) + " at byte " + std::to_string(at) + ")");
  }
  return Unpickled{stack_.back(), in_.pos(), std::move(arena_)};
}

void Machine::step(std::uint8_t op) {
  if (scalar_op(op) || container_op(op) || memo_op(op) || object_op(op)) return;
  switch (op) {
    case PROTO:
      if (in_.byte() > 5) fail("pickle protocol above 5");
      return;
    case FRAME:  // framing only groups opcodes; its length must still fit
      if (in_.le(8) > in_.left()) fail("truncated pickle: a frame runs past the end");
      return;
    case INT: case LONG: case FLOAT: case STRING: case UNICODE: case PUT: case GET: case PERSID:
      fail("text opcode of protocol 0, which torch.save never writes");
    case INST: {
      const std::string module(in_.line());
      fail("opcode INST of '" + printable(module + "." + std::string(in_.line())) + "' refused: it would instantiate a class");
    }
    case OBJ: case NEWOBJ_EX: case EXT1: case EXT2: case EXT4: case NEXT_BUFFER: case READONLY_BUFFER:
      fail("opcode refused: it would instantiate a class or fetch an object from outside the pickle");
    default:
      fail("unknown opcode");
  }
}

bool Machine::scalar_op(std::uint8_t op) {
  switch (op) {
    case NONE: push(none_); return true;
    case NEWTRUE: push(true_); return true;
    case NEWFALSE: push(false_); return true;
    case BININT: push(make_int(static_cast<std::int32_t>(in_.le(4)))); return true;
    case BININT1: push(make_int(in_.byte())); return true;
    case BININT2: push(make_int(static_cast<std::int64_t>(in_.le(2)))); return true;
    case LONG1: push(long_value(in_.take(in_.byte()))); return true;
    case LONG4: {
      const auto n = static_cast<std::int32_t>(in_.le(4));
      if (n < 0) fail("negative length");
      push(long_value(in_.take(static_cast<std::uint64_t>(n))));
      return true;
    }
    case BINFLOAT: {
      std::uint64_t bits = 0;  // big-endian, unlike every other number in a pickle
      for (char c : in_.take(8)) bits = (bits << 8) | static_cast<std::uint8_t>(c);
      auto v = make(Kind::Float);
      std::memcpy(&v->real, &bits, 8);
      push(std::move(v));
      return true;
    }
    case SHORT_BINUNICODE: case SHORT_BINSTRING: push(str_value(in_.take(in_.byte()))); return true;
    case BINUNICODE: push(str_value(in_.take(in_.le(4)))); return true;
    case BINSTRING: {
      const auto n = static_cast<std::int32_t>(in_.le(4));
      if (n < 0) fail("negative length");
      push(str_value(in_.take(static_cast<std::uint64_t>(n))));
      return true;
    }
    case BINUNICODE8: push(str_value(in_.take(in_.le(8)))); return true;
    case SHORT_BINBYTES: push(make_text(Kind::Bytes, in_.take(in_.byte()))); return true;
    case BINBYTES: push(make_text(Kind::Bytes, in_.take(in_.le(4)))); return true;
    case BINBYTES8: case BYTEARRAY8: push(make_text(Kind::Bytes, in_.take(in_.le(8)))); return true;
    default: return false;
  }
}

ValuePtr Machine::long_value(std::string_view bytes) {
  if (bytes.size() > 8) return make_text(Kind::Object, "int wider than 64 bits");
  std::uint64_t u = 0;
  for (std::size_t i = bytes.size(); i-- > 0;) u = (u << 8) | static_cast<std::uint8_t>(bytes[i]);
  const unsigned bits = static_cast<unsigned>(bytes.size()) * 8;
  if (bits > 0 && bits < 64 && (u >> (bits - 1)) != 0) u |= ~0ull << bits;  // two's complement sign
  return make_int(static_cast<std::int64_t>(u));
}

ValuePtr Machine::str_value(std::string_view bytes) {
  if (!valid_utf8(bytes)) fail("a string that is not UTF-8");
  return make_text(Kind::Str, bytes);
}

bool Machine::container_op(std::uint8_t op) {
  switch (op) {
    case EMPTY_DICT: push(make(Kind::Dict)); return true;
    case EMPTY_LIST: push(make(Kind::List)); return true;
    case EMPTY_TUPLE: push(make(Kind::Tuple)); return true;
    case EMPTY_SET: push(make(Kind::Set)); return true;
    case MARK:
      if (marks_.size() >= kMaxMarks) fail("MARKs nested deeper than " + std::to_string(kMaxMarks));
      marks_.push_back(stack_.size());
      return true;
    case POP: pop(); return true;
    case POP_MARK: pop_mark(); return true;
    case DUP: push(top()); return true;
    case TUPLE: push(make_items(Kind::Tuple, pop_mark())); return true;
    case LIST: push(make_items(Kind::List, pop_mark())); return true;
    case FROZENSET: push(make_items(Kind::Set, pop_mark())); return true;
    case TUPLE1: case TUPLE2: case TUPLE3: {
      std::vector<ValuePtr> items(op - TUPLE1 + 1);
      for (auto it = items.rbegin(); it != items.rend(); ++it) *it = pop();
      push(make_items(Kind::Tuple, std::move(items)));
      return true;
    }
    default: break;
  }
  std::vector<ValuePtr> items;
  switch (op) {
    case APPEND: items.push_back(pop()); break;
    case SETITEM: items.resize(2); items[1] = pop(); items[0] = pop(); break;
    case APPENDS: case SETITEMS: case ADDITEMS: items = pop_mark(); break;
    case DICT: items = pop_mark(); push(make(Kind::Dict)); break;
    default: return false;
  }
  Value& target = *top();
  const bool to_dict = op == SETITEM || op == SETITEMS || op == DICT;
  const Kind want = to_dict ? Kind::Dict : op == ADDITEMS ? Kind::Set : Kind::List;
  if (target.kind != want) fail("adding items to " + describe(target));
  if (to_dict && items.size() % 2 != 0) fail("a key without a value");
  if (!to_dict) {
    target.items.insert(target.items.end(), items.begin(), items.end());
    return true;
  }
  for (std::size_t i = 0; i < items.size(); i += 2) target.entries.emplace_back(items[i], items[i + 1]);
  return true;
}

bool Machine::memo_op(std::uint8_t op) {
  switch (op) {
    case BINPUT: put(in_.byte()); return true;
    case LONG_BINPUT: put(in_.le(4)); return true;
    case MEMOIZE: put(memo_.size()); return true;
    case BINGET: get(in_.byte()); return true;
    case LONG_BINGET: get(in_.le(4)); return true;
    default: return false;
  }
}

// Picklers number memo entries 0, 1, 2, ...; an index past the next one is not something a
// pickler writes, and refusing it keeps the memo a dense vector.
void Machine::put(std::uint64_t index) {
  if (index > memo_.size())
    fail("memo index " + std::to_string(index) + " skips past the " + std::to_string(memo_.size()) + " entries made so far");
  if (index == memo_.size()) {
    if (memo_.size() >= kMaxMemo) fail("more than " + std::to_string(kMaxMemo) + " memo entries");
    memo_.push_back(top());
  } else {
    memo_[index] = top();
  }
}

void Machine::get(std::uint64_t index) {
  if (index >= memo_.size())
    fail("memo index " + std::to_string(index) + " out of range (the memo holds " + std::to_string(memo_.size()) + ")");
  push(memo_[index]);
}

bool Machine::object_op(std::uint8_t op) {
  switch (op) {
    case GLOBAL: {
      const std::string module(in_.line());
      push(resolve(module, in_.line()));
      return true;
    }
    case STACK_GLOBAL: {
      const auto name = pop();
      const auto module = pop();
      if (module->kind != Kind::Str || name->kind != Kind::Str) fail("STACK_GLOBAL needs two strings");
      push(resolve(module->text, name->text));
      return true;
    }
    case REDUCE: {
      const auto args = pop();
      const auto f = pop();
      push(call(*f, *args, "REDUCE"));
      return true;
    }
    case NEWOBJ: {
      pop();
      const auto cls = pop();
      fail("opcode NEWOBJ on " + describe(*cls) + " refused: it would instantiate a class");
    }
    case BUILD: {
      const auto state = pop();
      build(*top(), *state);
      return true;
    }
    case BINPERSID: {
      const auto pid = pop();
      push(persistent(*pid));
      return true;
    }
    default: return false;
  }
}

ValuePtr Machine::resolve(std::string_view module, std::string_view name) {
  const std::string full = std::string(module) + "." + std::string(name);
  auto global = [&](Builtin id, std::int64_t dtype) {
    auto v = make_text(Kind::Global, full);
    v->global = id;
    v->integer = dtype;
    return v;
  };
  for (const auto& [allowed, id] : kAllowed)
    if (full == allowed) return global(id, -1);
  for (const char* inert : kInert)
    if (full == inert) return make_text(Kind::Object, full);
  if (module == "torch" || module == "torch.cuda" || module == "torch.storage") {
    for (const auto& d : kDtypes) {
      if (name == d.storage) return global(kStorageType, static_cast<std::int64_t>(d.type));
      if (module == "torch" && !name.empty() && (name == d.name || name == d.alias))
        return global(kTorchDtype, static_cast<std::int64_t>(d.type));
    }
    if (is_storage_name(name)) return global(kStorageType, -1);
    for (const char* other : kOtherDtypes)
      if (module == "torch" && name == other) return global(kTorchDtype, -1);
  }
  fail("refused global '" + printable(full) + "'");
}

std::int64_t int_arg(const Value& v, const char* what) {
  if (v.kind != Kind::Int) fail(std::string(what) + " is " + describe(v) + ", not an int");
  return v.integer;
}

std::vector<std::int64_t> int_tuple(const Value& v, const char* what) {
  if (v.kind != Kind::Tuple && v.kind != Kind::List) fail(std::string(what) + " is " + describe(v) + ", not a tuple");
  if (v.items.size() > kMaxDims) fail(std::string(what) + " has more than " + std::to_string(kMaxDims) + " dimensions");
  std::vector<std::int64_t> out;
  for (const auto& i : v.items) out.push_back(int_arg(*i, what));
  return out;
}

void expect_args(const std::string& name, const std::vector<ValuePtr>& a, std::size_t lo, std::size_t hi) {
  if (a.size() < lo || a.size() > hi)
    fail("'" + name + "' called with " + std::to_string(a.size()) + " arguments, not " + std::to_string(lo) +
         (hi > lo ? "-" + std::to_string(hi) : ""));
}

ValuePtr Machine::persistent(const Value& pid) {
  if (!options_.on_storage) fail("a persistent id outside a torch checkpoint");
  const auto& p = pid.items;
  if (pid.kind != Kind::Tuple || p.size() < 5 || p.size() > 6 || p[0]->kind != Kind::Str || p[0]->text != "storage")
    fail("persistent id is not ('storage', type, key, location, numel)");
  const Value& type = *p[1];
  if (type.kind != Kind::Global || type.global != kStorageType) fail("persistent id's storage type is " + describe(type));
  if (type.integer < 0) fail("storage type '" + type.text + "' is not supported");
  StorageRef ref;
  ref.dtype = static_cast<torch::ScalarType>(type.integer);
  if (p[2]->kind != Kind::Str || p[2]->text.empty() || p[2]->text.size() > 256) fail("persistent id's key is not a short str");
  ref.key = p[2]->text;
  const std::int64_t numel = int_arg(*p[4], "storage numel");
  const auto elem = static_cast<std::uint64_t>(c10::elementSize(ref.dtype));
  if (numel < 0 || static_cast<std::uint64_t>(numel) > kMaxBytes / elem)
    fail("storage numel " + std::to_string(numel) + " is larger than any file");
  ref.nbytes = static_cast<std::uint64_t>(numel) * elem;
  options_.on_storage(ref);
  if (p.size() == 6 && p[5]->kind != Kind::None) {  // a view into the root storage (old legacy files)
    const auto& view = p[5]->items;
    if (p[5]->kind != Kind::Tuple || view.size() != 3) fail("storage view metadata is not (key, offset, size)");
    const std::int64_t offset = int_arg(*view[1], "storage view offset"), size = int_arg(*view[2], "storage view size");
    if (offset < 0 || size < 0 || offset > numel || size > numel - offset) fail("storage view outside its storage");
    ref.byte_offset = static_cast<std::uint64_t>(offset) * elem;
    ref.nbytes = static_cast<std::uint64_t>(size) * elem;
  }
  auto v = make(Kind::Storage);
  v->storage = std::make_shared<const StorageRef>(std::move(ref));
  return v;
}

void Machine::build(Value& target, const Value& state) {
  // numpy pickles a dtype as dtype(code) followed by BUILD with its byte order; nothing else is built.
  if (target.kind == Kind::Object && target.global == kNumpyDtype) {
    if (state.kind != Kind::Tuple || state.items.size() < 2 || state.items[1]->kind != Kind::Str ||
        state.items[1]->text.size() != 1)
      fail("numpy dtype state is not (version, byteorder, ...)");
    target.integer = state.items[1]->text[0];
    return;
  }
  // A state_dict() OrderedDict carries its modules' versions as an attribute (_metadata): the
  // dict's items are what counts, so its attributes are dropped.
  if (target.kind == Kind::Dict && (state.kind == Kind::Dict || state.kind == Kind::None)) return;
  fail("opcode BUILD on " + describe(target) + " refused: it would set an object's state");
}

ValuePtr Machine::call(const Value& f, const Value& args, const char* opcode) {
  if (f.kind == Kind::Object) fail(std::string("opcode ") + opcode + " on '" + f.text + "' refused: it may be stored, never called");
  if (f.kind != Kind::Global) fail(std::string("opcode ") + opcode + " on " + describe(f) + " refused: not a function");
  if (args.kind != Kind::Tuple) fail("'" + f.text + "' called with " + describe(args) + ", not a tuple of arguments");
  const auto& a = args.items;
  switch (f.global) {
    case kOrderedDict: return ordered_dict(a);
    case kRebuildTensor: return rebuild_tensor(a, f.text, 4, 4, -1);
    case kRebuildTensorV2: return rebuild_tensor(a, f.text, 6, 7, -1);
    case kRebuildTensorV3: return rebuild_tensor(a, f.text, 7, 8, 6);
    case kRebuildParameter:
    case kRebuildParameterWithState:
      expect_args(f.text, a, f.global == kRebuildParameter ? 3 : 4, f.global == kRebuildParameter ? 3 : 4);
      if (a[0]->kind != Kind::Tensor) fail("'" + f.text + "' of " + describe(*a[0]));
      return a[0];  // a parameter's data is the tensor; requires_grad and hooks do not matter here
    case kRebuildFromTypeV2: return rebuild_from_type(a);
    case kSize:
      expect_args(f.text, a, 1, 1);
      int_tuple(*a[0], "torch.Size");
      return make_items(Kind::Tuple, a[0]->items);
    case kSet:
      expect_args(f.text, a, 0, 1);
      if (!a.empty() && a[0]->kind != Kind::List && a[0]->kind != Kind::Tuple && a[0]->kind != Kind::Set)
        fail("'" + f.text + "' of " + describe(*a[0]));
      return make_items(Kind::Set, a.empty() ? std::vector<ValuePtr>{} : a[0]->items);
    case kNumpyScalar: return numpy_scalar(a);
    case kNumpyDtype: return numpy_dtype(a);
    case kCodecsEncode: return codecs_encode(a);
    default: fail(std::string("opcode ") + opcode + " on '" + f.text + "' refused: it names a type, not a function");
  }
}

std::string dims(const std::vector<std::int64_t>& v) {
  std::string s = "[";
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
  return s + "]";
}

// The elements a tensor touches must lie inside its storage's bytes. Broadcast views (stride 0)
// may repeat elements, but a tensor 64 times larger than its bytes is a hostile shape.
void check_extent(const TensorRef& t) {
  if (t.sizes.size() != t.strides.size()) fail("tensor size " + dims(t.sizes) + " and stride " + dims(t.strides) + " differ in length");
  if (t.offset < 0) fail("negative storage offset");
  unsigned __int128 numel = 1, last = static_cast<std::uint64_t>(t.offset);
  for (std::size_t i = 0; i < t.sizes.size(); ++i) {
    if (t.sizes[i] < 0 || t.strides[i] < 0) fail("negative tensor size or stride");
    numel = std::min<unsigned __int128>(numel * static_cast<std::uint64_t>(t.sizes[i]), kMaxBytes);
    if (t.sizes[i] > 0) last += static_cast<unsigned __int128>(t.sizes[i] - 1) * static_cast<std::uint64_t>(t.strides[i]);
    if (last > kMaxBytes) fail("tensor stride " + dims(t.strides) + " reaches past any file");
  }
  if (numel == 0) return;
  const auto elem = static_cast<std::uint64_t>(c10::elementSize(t.dtype));
  const unsigned __int128 need = (last + 1) * elem;
  if (need > t.storage.nbytes)
    fail("tensor of size " + dims(t.sizes) + ", stride " + dims(t.strides) + " at offset " + std::to_string(t.offset) +
         " needs " + std::to_string(static_cast<std::uint64_t>(need)) + " bytes of storage '" + t.storage.key +
         "', which holds " + std::to_string(t.storage.nbytes));
  if (numel * elem > static_cast<unsigned __int128>(t.storage.nbytes) * 64 + 65536)
    fail("tensor of size " + dims(t.sizes) + " repeats its " + std::to_string(t.storage.nbytes) + " bytes too often");
}

ValuePtr Machine::rebuild_tensor(const std::vector<ValuePtr>& a, const std::string& name, std::size_t lo,
                                 std::size_t hi, int dtype_at) {
  expect_args(name, a, lo, hi);
  if (a[0]->kind != Kind::Storage) fail("'" + name + "' of " + describe(*a[0]) + ", not a storage");
  TensorRef t;
  t.storage = *a[0]->storage;
  t.dtype = t.storage.dtype;
  if (dtype_at >= 0) {
    const Value& d = *a[static_cast<std::size_t>(dtype_at)];
    if (d.kind != Kind::Global || d.global != kTorchDtype) fail("'" + name + "' dtype is " + describe(d));
    if (d.integer < 0) fail("tensor dtype '" + d.text + "' is not supported");
    t.dtype = static_cast<torch::ScalarType>(d.integer);
  }
  t.offset = int_arg(*a[1], "storage offset");
  t.sizes = int_tuple(*a[2], "tensor size");
  t.strides = int_tuple(*a[3], "tensor stride");
  check_extent(t);
  auto v = make(Kind::Tensor);
  v->tensor = std::make_shared<const TensorRef>(std::move(t));
  return v;
}

// A tensor with Python attributes: (rebuild function, torch.Tensor or Parameter, its arguments, state).
ValuePtr Machine::rebuild_from_type(const std::vector<ValuePtr>& a) {
  expect_args("torch._tensor._rebuild_from_type_v2", a, 4, 4);
  const Value& f = *a[0];
  if (f.kind != Kind::Global || f.global == kRebuildFromTypeV2) fail("_rebuild_from_type_v2 of " + describe(f));
  if (a[1]->kind != Kind::Global || a[1]->global != kTensorClass) fail("_rebuild_from_type_v2 to " + describe(*a[1]));
  return call(f, *a[2], "REDUCE");
}

ValuePtr Machine::ordered_dict(const std::vector<ValuePtr>& a) {
  expect_args("collections.OrderedDict", a, 0, 1);
  auto d = make(Kind::Dict);
  if (a.empty()) return d;
  if (a[0]->kind != Kind::List && a[0]->kind != Kind::Tuple) fail("OrderedDict of " + describe(*a[0]));
  for (const auto& pair : a[0]->items) {
    if ((pair->kind != Kind::Tuple && pair->kind != Kind::List) || pair->items.size() != 2) fail("OrderedDict item is not a pair");
    d->entries.emplace_back(pair->items[0], pair->items[1]);
  }
  return d;
}

ValuePtr Machine::numpy_dtype(const std::vector<ValuePtr>& a) {
  expect_args("numpy.dtype", a, 1, 3);
  if (a[0]->kind != Kind::Str || a[0]->text.size() > 16) fail("numpy.dtype of " + describe(*a[0]));
  auto v = make_text(Kind::Object, a[0]->text);
  v->global = kNumpyDtype;
  v->integer = '=';
  return v;
}

// A numpy scalar's value from its bytes, for the dtypes Lightning writes; any other stays inert.
ValuePtr Machine::numpy_scalar(const std::vector<ValuePtr>& a) {
  expect_args("numpy scalar", a, 2, 2);
  const Value& dtype = *a[0];
  if (dtype.kind != Kind::Object || dtype.global != kNumpyDtype || a[1]->kind != Kind::Bytes)
    fail("numpy scalar of " + describe(dtype) + " and " + describe(*a[1]));
  const std::string& code = dtype.text;
  std::string raw = a[1]->text;
  const char kind = code.empty() ? '?' : code[0];
  const std::string width = code.size() > 1 ? code.substr(1) : "";
  if (raw.empty() || width != std::to_string(raw.size())) return make_text(Kind::Object, "numpy scalar " + printable(code));
  if (dtype.integer == '>') std::reverse(raw.begin(), raw.end());
  std::uint64_t u = 0;
  for (std::size_t i = raw.size(); i-- > 0;) u = (u << 8) | static_cast<std::uint8_t>(raw[i]);
  const unsigned bits = static_cast<unsigned>(raw.size()) * 8;
  if (kind == 'b' && raw.size() == 1) return u ? true_ : false_;
  if (kind == 'u' && raw.size() <= 8 && u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
    return make_int(static_cast<std::int64_t>(u));
  if (kind == 'i' && raw.size() <= 8) {
    if (bits < 64 && (u >> (bits - 1)) != 0) u |= ~0ull << bits;
    return make_int(static_cast<std::int64_t>(u));
  }
  if (kind == 'f' && (raw.size() == 2 || raw.size() == 4 || raw.size() == 8)) {
    auto v = make(Kind::Float);
    if (raw.size() == 2) v->real = static_cast<float>(c10::Half(static_cast<std::uint16_t>(u), c10::Half::from_bits()));
    if (raw.size() == 4) { float f; const auto w = static_cast<std::uint32_t>(u); std::memcpy(&f, &w, 4); v->real = f; }
    if (raw.size() == 8) std::memcpy(&v->real, &u, 8);
    return v;
  }
  return make_text(Kind::Object, "numpy scalar " + printable(code));
}

// _codecs.encode(text, "latin1") is how protocol 2 spells bytes: each code point is one byte.
ValuePtr Machine::codecs_encode(const std::vector<ValuePtr>& a) {
  expect_args("_codecs.encode", a, 1, 2);
  if (a[0]->kind != Kind::Str || (a.size() == 2 && a[1]->kind != Kind::Str)) fail("_codecs.encode of non-strings");
  const std::string encoding = a.size() == 2 ? a[1]->text : "utf-8";
  if (encoding == "utf-8" || encoding == "utf8") return make_text(Kind::Bytes, a[0]->text);
  if (encoding != "latin1" && encoding != "latin-1" && encoding != "iso-8859-1")
    fail("_codecs.encode to '" + printable(encoding) + "'");
  std::string out;
  const std::string_view s = a[0]->text;
  std::uint32_t cp = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (!next_code_point(s, i, cp) || cp > 0xff) fail("_codecs.encode: text is not latin1");
    out += static_cast<char>(cp);
  }
  return make_text(Kind::Bytes, out);
}

}  // namespace

Unpickled unpickle(const std::uint8_t* data, std::size_t size, const Options& options) {
  Machine machine(data, size, options);
  return machine.run();
}

}  // namespace gesso::io::pickle
