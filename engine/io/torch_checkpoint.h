#pragma once
// Pickled PyTorch files, as torch.save writes them: Lightning .ckpt checkpoints, A1111 .pt
// textual-inversion embeddings, transformers / diffusers .bin weights. The pickle is read by our
// restricted unpickler (pickle_reader.h), so no code from the file ever runs.
#include <string>

#include "engine/io/weight_set.h"

namespace gesso::io {

// Opens a torch.save file: the zip format of torch >= 1.6, or the legacy format before it
// (torch.save(..., _use_new_zipfile_serialization=False)). Every tensor reachable through nested
// dicts, lists and tuples is an entry under its dotted path ("state_dict.model.diffusion_model.
// out.2.bias", "string_to_param.*"); the int, float, bool and str values reachable the same way
// are metadata() under theirs ("global_step" -> "470000"). Nothing is unwrapped: the caller picks
// "state_dict." itself. Tensors are zero-copy views of the mapped file where the record is stored
// uncompressed and aligned (torch.save stores them so), else copies. Anything refused or corrupt
// throws ModelFileError naming the file and what was refused ("refused global 'posix.system'").
WeightSet open_torch_checkpoint(const std::string& path);

// Whether the file looks like torch.save output: a zip with a "<archive>/data.pkl" entry, or the
// legacy format's magic number. Reads only the first bytes and the zip's central directory; never
// throws.
bool looks_like_torch_checkpoint(const std::string& path);

}  // namespace gesso::io
