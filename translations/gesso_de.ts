<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>EngineWorker</name>
    <message>
        <source>Out of main memory: lower the size or the batch, or close other programs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation failed with an unknown error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GenerationPanel</name>
    <message>
        <source>Choose a model folder (with model_index.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seed of the noise the image starts from: the same seed and settings give the same image. Type -1 for a new random seed each time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw a new seed for every generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a new random seed and keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reuse the seed of the last image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The models work in blocks of 8 pixels: other values are rounded to a multiple of 8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap width and height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The diffusers model folder to generate with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denoising steps: more take longer and add detail, up to a point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How closely the image follows the prompt (CFG scale); 5 to 9 is usual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guidance scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many runs, one after the other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images made together in one run: faster per image, more memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much of the image is repainted: low keeps it close to the original, 1 starts from pure noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denoising strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the run after the current step (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model reads the first %1 tokens; the engine cuts the rest of this prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens in this prompt; the model reads up to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated: no tokenizer is loaded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2: %3 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reuse the seed of the last image (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>View full size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reuse parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to image to image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to inpaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this result from the history and delete its image file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: the file was moved or deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save image as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryStore</name>
    <message>
        <source>Cannot create the history folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Qt SQLite driver (QSQLITE) is not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the history database %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a readable history database (damaged?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was written by a newer Gesso (history schema %2; this version reads up to %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the history tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History database error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add to the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No history entry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove from the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed from the history, but cannot delete %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageView</name>
    <message>
        <source>Open a model folder to start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Gesso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LibTorch %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history is unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source image and mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed and memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open source image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore parameters from PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send result to &amp;image to image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send result to i&amp;npaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Output folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Gesso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a model folder (a diffusers Stable Diffusion folder) to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a prompt and press Generate (Ctrl+Enter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model folder first (the model list, &quot;Add folder…&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a source image first (File &gt; Open source image, or drop one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paint the area to repaint on the source image first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) in %1 s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an image Gesso can read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters restored from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes the next time Gesso starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Gesso</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MaskCanvas</name>
    <message>
        <source>Load mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invert mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paint mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MaskToolsBar</name>
    <message>
        <source>Mask tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paint the area to repaint (B; right drag paints with the eraser)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase the mask (E; X swaps brush and eraser)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brush diameter in image pixels ([ and ], or Shift+wheel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hardness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100% paints a hard-edged disc; lower values fade towards the rim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the whole image for repainting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the whole image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap the repainted and the kept areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole image (Home; the wheel zooms around the pointer)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadoutBar</name>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 it/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 elapsed, %2 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VRAM %1 allocated, %2 reserved of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultSaver</name>
    <message>
        <source>Cannot create a folder in %1: choose another output folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1, but the history could not record it: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsStore</name>
    <message>
        <source>Cannot read the settings file %1; using the defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the settings folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove the stale %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the settings file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot replace the settings file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VramChart</name>
    <message>
        <source>Device memory over the run: allocated (dark), reserved by the allocator (light), the card&apos;s total (dashed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VRAM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VRAM: CPU run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VRAM: %1 / %2 GiB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gesso::ui::GenerationPanel</name>
    <message>
        <source>512 × 512</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>768 × 768</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1024 × 1024</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portrait 512 × 768</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landscape 768 × 512</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portrait 832 × 1216</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landscape 1216 × 832</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text to image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image to image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inpaint</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
