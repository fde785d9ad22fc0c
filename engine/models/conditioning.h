#pragma once
// The conditioning contract: what text encoders (and the pipeline's size / score conditions, and
// ControlNets) produce and what a denoiser consumes, as one record. Each field is diffusers'
// UNet2DConditionModel.forward argument of the same meaning; an undefined tensor is an argument
// not given. The UNet reads only the fields its config enables (addition_embed_type,
// class_embed_type, ...) and refuses a record that lacks one it needs.
#include <torch/types.h>

#include <functional>
#include <string>
#include <vector>

namespace gesso::models {

// ControlNet's outputs, added to the UNet's skip connections and mid block output.
struct UNetResiduals {
  std::vector<torch::Tensor> down;  // one per skip connection, in down-path order
  torch::Tensor mid;
  // Set when the residuals are computed on another CUDA stream: the UNet calls it once, after its
  // down path (which does not read them) and before the first addition, to wait for them there.
  std::function<void()> ready;
};

struct Conditioning {
  torch::Tensor context;         // encoder_hidden_states: [B, tokens, width]
  torch::Tensor pooled;          // added_cond_kwargs["text_embeds"]: [B, P] (addition_embed_type "text_time")
  torch::Tensor time_ids;        // added_cond_kwargs["time_ids"]: [B, K] (SDXL's size / crop / score ids)
  torch::Tensor class_labels;    // class_labels: [B] or [B, D] (class_embed_type, num_class_embeds)
  torch::Tensor attention_mask;  // encoder_attention_mask: [B, tokens], 1 attends, 0 is ignored
  UNetResiduals control;         // ControlNet's down / mid residuals, per step

  // The defined tensors in a fixed order, and which fields they are: a CUDA graph captures and
  // replays the record as these flat inputs (the layout joins its key).
  std::vector<torch::Tensor> tensors() const;
  std::string layout() const;
  // This record's layout refilled from `flat` (as tensors() ordered them), starting at `offset`.
  Conditioning with_tensors(const std::vector<torch::Tensor>& flat, std::size_t offset = 0) const;

  // Every defined field concatenated along the batch: [a; b] (classifier-free guidance's
  // [uncond; cond]). Both records must have the same fields.
  static Conditioning concat(const Conditioning& a, const Conditioning& b);
  // Each batch row repeated n times in place (diffusers' repeat(1, n, 1).view(...) for n images).
  Conditioning repeat_rows(int64_t n) const;
  // The same record with every tensor converted to `dtype` (integer class labels stay as they are).
  Conditioning to(torch::ScalarType dtype) const;
  int64_t batch() const;
};

// The records' contexts (and attention masks) brought to one token count, the least common
// multiple of theirs, each repeated whole. Cross-attention over a context repeated k times is the
// same attention (each key k times, each softmax weight k times smaller), so the UNet's output
// does not change: prompts of different chunk counts can share one batch (A1111 runs them one by one).
void match_token_counts(std::vector<Conditioning*> records);

}  // namespace gesso::models
