#pragma once
// How a run uses the machine: device, precision and every optimization toggle. Plain values, parsed
// from the user's words by the functions below (the CLI, gesso-bench and the GUI share them).
#include <torch/types.h>

#include <string>
#include <vector>

namespace gesso::runtime {

// Which kernel computes softmax(QK^T)V. The SDPA ones go through torch's scaled_dot_product_attention
// with only that backend allowed; kPlain is the classic baddbmm + softmax + bmm (diffusers'
// AttnProcessor), the path attention slicing also takes.
enum class AttentionBackend { kAuto, kFlash, kMemoryEfficient, kMath, kCudnn, kPlain };

// Where the weights live between uses. kModel: each component (text encoder, UNet, VAE) is uploaded
// whole when used and dropped after; kSequential: each layer streams in just before it runs.
enum class Offload { kNone, kModel, kSequential };

// Gesso's fused kernels (engine/kernels: GroupNorm+SiLU, GEGLU, LayerNorm with the residual, fused
// QKV/KV projections, direct cuDNN attention). kAuto: on CUDA, where they are faster; kOff: the
// plain ATen ops diffusers runs (bit-for-bit parity on the CPU); kOn: the fused composition on any
// device, the CPU running each kernel's reference path (how the tests check the fusion itself).
enum class KernelFusion { kOff, kAuto, kOn };

struct RuntimeOptions {
  std::string device = "auto";           // auto | cpu | cuda | cuda:N
  torch::ScalarType dtype = torch::kFloat;
  std::string generator_device = "cpu";  // where the seed's noise is drawn, as diffusers' generator
  std::string variant;                   // weight variant to prefer ("fp16"), empty: full precision
  bool vae_fp32 = false;                 // run the VAE in float32 whatever dtype says (fp16 overflow)
  bool tf32 = false;                     // TF32 tensor cores for float32 matmuls and convolutions
  bool cudnn_benchmark = false;          // cuDNN times its algorithms on the first call of each shape
  bool channels_last = false;            // NHWC convolutions in the UNet and VAE
  AttentionBackend attention = AttentionBackend::kAuto;
  int attention_slice = 0;               // 0: off; -1: auto (half the heads at a time); N: N heads at a time
  bool vae_tiling = false;               // decode / encode in overlapping tiles, blended
  bool vae_slicing = false;              // decode / encode one image of the batch at a time
  Offload offload = Offload::kNone;
  // DeepFloyd IF's T5-XXL (4.7 B parameters, ~9.5 GB in fp16) kept and run on the CPU, in bfloat16
  // (float32 when the run is float32): the GPU holds only the UNets. Its prompt embeddings are cached.
  bool text_encoder_on_cpu = false;
  bool cuda_graphs = false;              // capture the UNet call once per shape, replay every step
  KernelFusion kernels = KernelFusion::kAuto;
  bool release_memory = false;           // hand cached device memory back to the driver after a run
  // Pretend the device has only this many bytes (0: all it has). On a GPU the caching allocator is
  // capped there, so a run that needs more fails as it would on the smaller card; on the CPU the run
  // is refused when its VRAM estimate exceeds it.
  int64_t vram_budget = 0;
};

AttentionBackend parse_attention_backend(const std::string& name);  // throws RequestError("attention")
std::string to_string(AttentionBackend backend);
Offload parse_offload(const std::string& name);                     // throws RequestError("offload")
std::string to_string(Offload offload);
KernelFusion parse_kernel_fusion(const std::string& name);          // off | auto | on; throws RequestError("kernels")
std::string to_string(KernelFusion fusion);
int parse_attention_slice(const std::string& text);                 // off | auto | N
torch::ScalarType parse_dtype(const std::string& name);             // fp32 | fp16 | bf16
int64_t parse_vram_budget(const std::string& gib);                   // "4", "3.5" (GiB) -> bytes; throws RequestError
std::string dtype_name(torch::ScalarType dtype);

// "fp16, tf32, channels-last, attention flash, ..." — the toggles that differ from the defaults.
std::string describe(const RuntimeOptions& options);

}  // namespace gesso::runtime
