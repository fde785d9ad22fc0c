<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>HistoryStore</name>
    <message>
        <source>Cannot create the history folder %1</source>
        <translation>无法创建历史记录文件夹 %1</translation>
    </message>
    <message>
        <source>The Qt SQLite driver (QSQLITE) is not available</source>
        <translation>Qt SQLite 驱动（QSQLITE）不可用</translation>
    </message>
    <message>
        <source>Cannot open the history database %1</source>
        <translation>无法打开历史记录数据库 %1</translation>
    </message>
    <message>
        <source>%1 is not a readable history database (damaged?)</source>
        <translation>%1 不是可读取的历史记录数据库（已损坏？）</translation>
    </message>
    <message>
        <source>%1 was written by a newer Gesso (history schema %2; this version reads up to %3)</source>
        <translation>%1 由更新版本的 Gesso 写入（历史记录架构 %2；此版本最高只能读取 %3）</translation>
    </message>
    <message>
        <source>Cannot start a transaction</source>
        <translation>无法开始事务</translation>
    </message>
    <message>
        <source>Cannot create the history tables</source>
        <translation>无法创建历史记录表</translation>
    </message>
    <message>
        <source>History database error</source>
        <translation>历史记录数据库错误</translation>
    </message>
    <message>
        <source>The history database is not open</source>
        <translation>历史记录数据库未打开</translation>
    </message>
    <message>
        <source>Cannot add to the history</source>
        <translation>无法添加到历史记录</translation>
    </message>
    <message>
        <source>Cannot read the history</source>
        <translation>无法读取历史记录</translation>
    </message>
    <message>
        <source>No history entry %1</source>
        <translation>不存在历史记录条目 %1</translation>
    </message>
    <message>
        <source>Cannot remove from the history</source>
        <translation>无法从历史记录中移除</translation>
    </message>
    <message>
        <source>Removed from the history, but cannot delete %1</source>
        <translation>已从历史记录中移除，但无法删除 %1</translation>
    </message>
</context>
<context>
    <name>ResultSaver</name>
    <message>
        <source>Cannot create a folder in %1: choose another output folder.</source>
        <translation>无法在 %1 中创建文件夹：请选择其他输出文件夹。</translation>
    </message>
    <message>
        <source>Saved %1, but the history could not record it: %2</source>
        <translation>已保存 %1，但无法记入历史记录：%2</translation>
    </message>
</context>
<context>
    <name>SettingsStore</name>
    <message>
        <source>Cannot read the settings file %1; using the defaults</source>
        <translation>无法读取设置文件 %1；将使用默认设置</translation>
    </message>
    <message>
        <source>Cannot create the settings folder %1</source>
        <translation>无法创建设置文件夹 %1</translation>
    </message>
    <message>
        <source>Cannot remove the stale %1</source>
        <translation>无法删除残留的 %1</translation>
    </message>
    <message>
        <source>Cannot write the settings file %1</source>
        <translation>无法写入设置文件 %1</translation>
    </message>
    <message>
        <source>Cannot replace the settings file %1: %2</source>
        <translation>无法替换设置文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>gesso::ui::BenchmarkDialog</name>
    <message>
        <source>Benchmark</source>
        <translation>基准测试</translation>
    </message>
    <message>
        <source>Times each pipeline on this computer with the models of your library: denoising steps per second (it/s, higher is faster) at batch 1 and 4, with the default settings and with the Max speed preset. It takes a few minutes on a GPU.</source>
        <translation>用模型库中的模型在本机上为每个管线计时：每秒去噪步数（it/s，越高越快），批量 1 和 4，分别使用默认设置和“最快速度”预设。在 GPU 上需要几分钟。</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>取消运行</translation>
    </message>
    <message>
        <source>Copy as Markdown</source>
        <translation>复制为 Markdown</translation>
    </message>
    <message>
        <source>Copy the table as Markdown, to paste into an issue or a forum post</source>
        <translation>将表格复制为 Markdown，以便粘贴到 issue 或论坛帖子中</translation>
    </message>
    <message>
        <source>no SD 1.x or 2.x model in the library</source>
        <translation>模型库中没有 SD 1.x 或 2.x 模型</translation>
    </message>
    <message>
        <source>no ControlNet in the library</source>
        <translation>模型库中没有 ControlNet</translation>
    </message>
    <message>
        <source>no DeepFloyd IF stage I in the library</source>
        <translation>模型库中没有 DeepFloyd IF 阶段 I 模型</translation>
    </message>
    <message>
        <source>no SDXL base model in the library</source>
        <translation>模型库中没有 SDXL 基础模型</translation>
    </message>
    <message>
        <source>Press Run to start.</source>
        <translation>按“运行”开始。</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Max speed</source>
        <translation>最快速度</translation>
    </message>
    <message>
        <source>Batch %1, %2</source>
        <translation>批量 %1，%2</translation>
    </message>
    <message>
        <source>gesso-bench was not found at %1: it is installed next to the gesso program. Build or install it there to run the benchmark.</source>
        <translation>在 %1 未找到 gesso-bench：它应安装在 gesso 程序旁边。请在那里构建或安装它，以运行基准测试。</translation>
    </message>
    <message>
        <source>Starting gesso-bench…</source>
        <translation>正在启动 gesso-bench…</translation>
    </message>
    <message>
        <source>Timing %1…</source>
        <translation>正在计时 %1…</translation>
    </message>
    <message>
        <source>Cancelled: the cells timed so far are kept.</source>
        <translation>已取消：保留已计时的单元格。</translation>
    </message>
    <message>
        <source>gesso-bench stopped unexpectedly%1</source>
        <translation>gesso-bench 意外停止%1</translation>
    </message>
    <message>
        <source>gesso-bench failed: %1</source>
        <translation>gesso-bench 失败：%1</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Done, on %1.</source>
        <translation>完成，在 %1 上。</translation>
    </message>
    <message>
        <source>gesso-bench could not be started (%1): %2</source>
        <translation>无法启动 gesso-bench（%1）：%2</translation>
    </message>
    <message>
        <source>This cell failed: %1</source>
        <translation>此单元格失败：%1</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Skipped — %1.</source>
        <translation>已跳过——%1。</translation>
    </message>
    <message>
        <source>Gesso benchmark on %1: denoising steps per second (it/s); IF: stage I / stage II / stage III.</source>
        <translation>Gesso 在 %1 上的基准测试：每秒去噪步数（it/s）；IF：阶段 I / 阶段 II / 阶段 III。</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>管线</translation>
    </message>
</context>
<context>
    <name>gesso::ui::ControlNetPanel</name>
    <message>
        <source>Gesso&apos;s preprocessors need no model of their own. For depth, pose or segmentation, bring a map made elsewhere and choose the preprocessor &quot;none&quot;.</source>
        <translation>Gesso 的预处理器无需额外模型。深度、姿态或语义分割请使用在别处生成的图，并选择预处理器“none”。</translation>
    </message>
    <message>
        <source>Add unit</source>
        <translation>添加单元</translation>
    </message>
    <message>
        <source>Another ControlNet: the controls of all enabled units add up</source>
        <translation>再添加一个 ControlNet：所有已启用单元的控制效果叠加</translation>
    </message>
    <message>
        <source>ControlNet unit %1 is enabled but has no model: choose one (the models folder&apos;s ControlNet folder) or disable the unit.</source>
        <translation>ControlNet 单元 %1 已启用但没有模型：请选择一个模型（模型文件夹的 ControlNet 子文件夹），或停用该单元。</translation>
    </message>
    <message>
        <source>ControlNet unit %1 has no image: open or drop one (in text to image there is no source image to use).</source>
        <translation>ControlNet 单元 %1 没有图像：请打开或拖入一张（文生图没有可用的源图像）。</translation>
    </message>
</context>
<context>
    <name>gesso::ui::ControlNetUnitWidget</name>
    <message>
        <source>Open control image</source>
        <translation>打开控制图像</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.webp *.bmp)</translation>
    </message>
    <message>
        <source>Show or hide this unit&apos;s settings</source>
        <translation>显示或隐藏此单元的设置</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Only enabled units take part in a generation</source>
        <translation>只有已启用的单元参与生成</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove this unit</source>
        <translation>移除此单元</translation>
    </message>
    <message>
        <source>The control image: open one or drop one here. Without one, image to image and inpaint use the source image.</source>
        <translation>控制图像：打开一张或拖到此处。没有控制图像时，图生图和局部重绘使用源图像。</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Open a control image (a picture to preprocess, or a map made already)</source>
        <translation>打开控制图像（待预处理的图片，或已生成的图）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Remove the control image: the source image is used instead (image to image, inpaint)</source>
        <translation>移除控制图像：改用源图像（图生图、局部重绘）</translation>
    </message>
    <message>
        <source>What the preprocessor makes of the image: the control the model sees</source>
        <translation>预处理器对图像的处理结果：即模型看到的控制图</translation>
    </message>
    <message>
        <source>What turns the image into the control image; &quot;none&quot; takes the image as the control image already</source>
        <translation>将图像转换为控制图的处理方式；“none”表示图像本身即为控制图</translation>
    </message>
    <message>
        <source>Preprocessor</source>
        <translation>预处理器</translation>
    </message>
    <message>
        <source>The size of the image&apos;s short side the preprocessor works at; its result is scaled back to the image&apos;s size</source>
        <translation>预处理器处理时图像短边的尺寸；其结果会缩放回图像原尺寸</translation>
    </message>
    <message>
        <source>Preprocessor resolution</source>
        <translation>预处理器分辨率</translation>
    </message>
    <message>
        <source>The ControlNet model: the models folder&apos;s ControlNet folder (files and diffusers folders), of the same family as the checkpoint</source>
        <translation>ControlNet 模型：模型文件夹的 ControlNet 子文件夹中的文件和 diffusers 文件夹，须与 checkpoint 属于同一系列</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>How strongly the control steers the image (sd-webui-controlnet&apos;s Control Weight)</source>
        <translation>控制对图像的影响强度（即 sd-webui-controlnet 的 Control Weight）</translation>
    </message>
    <message>
        <source>Control weight</source>
        <translation>控制权重</translation>
    </message>
    <message>
        <source>The fraction of the steps after which the control starts to apply</source>
        <translation>控制开始生效时已完成步数的比例</translation>
    </message>
    <message>
        <source>The fraction of the steps after which the control stops applying</source>
        <translation>控制停止生效时已完成步数的比例</translation>
    </message>
    <message>
        <source>Starting control step</source>
        <translation>引导介入时机</translation>
    </message>
    <message>
        <source>Ending control step</source>
        <translation>引导终止时机</translation>
    </message>
    <message>
        <source>The control and the prompt weigh as usual</source>
        <translation>控制与提示词按常规权衡</translation>
    </message>
    <message>
        <source>The control fades through the model&apos;s depth: the prompt matters more</source>
        <translation>控制随模型深度逐渐减弱：提示词更重要</translation>
    </message>
    <message>
        <source>The control fades through the model&apos;s depth and applies to the prompt&apos;s half of the guidance only: the control matters more</source>
        <translation>控制随模型深度逐渐减弱，且只作用于引导中提示词的那一半：控制更重要</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>均衡</translation>
    </message>
    <message>
        <source>My prompt is more important</source>
        <translation>更偏向提示词</translation>
    </message>
    <message>
        <source>ControlNet is more important</source>
        <translation>更偏向 ControlNet</translation>
    </message>
    <message>
        <source>How the control weighs against the prompt</source>
        <translation>控制与提示词之间的权衡方式</translation>
    </message>
    <message>
        <source>Control mode</source>
        <translation>控制模式</translation>
    </message>
    <message>
        <source>Just Resize</source>
        <translation>仅调整大小</translation>
    </message>
    <message>
        <source>The control image is stretched to the output&apos;s size</source>
        <translation>控制图像被拉伸到输出尺寸</translation>
    </message>
    <message>
        <source>Crop and Resize</source>
        <translation>裁剪后缩放</translation>
    </message>
    <message>
        <source>The control image is scaled to cover the output and centre-cropped</source>
        <translation>控制图像缩放至覆盖输出，再居中裁剪</translation>
    </message>
    <message>
        <source>Resize and Fill</source>
        <translation>缩放后填充空白</translation>
    </message>
    <message>
        <source>The control image is scaled to fit inside the output and its border filled</source>
        <translation>控制图像缩放至完全置于输出之内，并填充四周空白</translation>
    </message>
    <message>
        <source>How a control image of another shape reaches the output&apos;s size</source>
        <translation>形状不同的控制图像如何适配输出尺寸</translation>
    </message>
    <message>
        <source>Resize mode</source>
        <translation>缩放模式</translation>
    </message>
    <message>
        <source>Guess mode</source>
        <translation>猜测模式</translation>
    </message>
    <message>
        <source>The control works without the prompt&apos;s help (on the prompt&apos;s half of the guidance only, growing with depth): for an empty or vague prompt</source>
        <translation>控制在没有提示词帮助的情况下生效（只作用于引导中提示词的那一半，随深度增强）：适用于空白或模糊的提示词</translation>
    </message>
    <message>
        <source>Unit %1</source>
        <translation>单元 %1</translation>
    </message>
    <message>
        <source>%1 is not an image Gesso can read.</source>
        <translation>%1 不是 Gesso 能读取的图像。</translation>
    </message>
    <message>
        <source>No image: the source image is used</source>
        <translation>无图像：使用源图像</translation>
    </message>
    <message>
        <source>Drop an image here or open one</source>
        <translation>将图像拖到此处或打开一张</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>No model chosen: put ControlNet models into the models folder&apos;s ControlNet folder</source>
        <translation>未选择模型：请将 ControlNet 模型放入模型文件夹的 ControlNet 子文件夹</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <source>The preprocessor failed.</source>
        <translation>预处理器出错。</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>The preprocessor failed: %1</source>
        <translation>预处理器出错：%1</translation>
    </message>
    <message>
        <source>Open a source image, or give this unit an image of its own.</source>
        <translation>请打开源图像，或为此单元指定单独的图像。</translation>
    </message>
    <message>
        <source>Text to image needs a control image: open one or drop one here.</source>
        <translation>文生图需要控制图像：请打开一张或拖到此处。</translation>
    </message>
</context>
<context>
    <name>gesso::ui::DeepFloydPanel</name>
    <message>
        <source>Stage I: the image from the prompt</source>
        <translation>阶段 I：由提示词生成图像</translation>
    </message>
    <message>
        <source>Stage II: upscaled ×4</source>
        <translation>阶段 II：放大 ×4</translation>
    </message>
    <message>
        <source>Stage III: upscaled ×4 again (optional)</source>
        <translation>阶段 III：再放大 ×4（可选）</translation>
    </message>
    <message>
        <source>Clean up the caption</source>
        <translation>清理提示词文本</translation>
    </message>
    <message>
        <source>DeepFloyd&apos;s caption clean-up before T5 reads the prompt (diffusers&apos; clean_caption): links, HTML, @names and stray symbols go. Off: the prompt is only lowercased.</source>
        <translation>在 T5 读取提示词之前执行 DeepFloyd 的文本清理（diffusers 的 clean_caption）：去除链接、HTML、@用户名和多余符号。关闭时：提示词只转换为小写。</translation>
    </message>
    <message>
        <source>T5 on the CPU</source>
        <translation>T5 在 CPU 上运行</translation>
    </message>
    <message>
        <source>Keep IF&apos;s T5-XXL text encoder (about 9.5 GB in fp16) in main memory and run it on the CPU: the GPU holds only the UNets. Each new prompt takes longer to encode.</source>
        <translation>将 IF 的 T5-XXL 文本编码器（fp16 下约 9.5 GB）保留在内存中并在 CPU 上运行：显卡只需容纳 UNet。每个新提示词的编码会更慢。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>How closely this stage follows the prompt (CFG scale); 1 or less runs without guidance</source>
        <translation>此阶段遵循提示词的程度（CFG）；为 1 或更低时不使用引导</translation>
    </message>
    <message>
        <source>Guidance scale</source>
        <translation>提示词引导系数</translation>
    </message>
    <message>
        <source>How much noise is added to the previous stage&apos;s image before this stage upscales it: more lets it invent more detail, and stray further from that image</source>
        <translation>此阶段放大之前向上一阶段图像添加的噪声量：越多则能创造越多细节，但也越偏离该图像</translation>
    </message>
    <message>
        <source>Noise level</source>
        <translation>噪声强度</translation>
    </message>
    <message>
        <source>The run&apos;s</source>
        <translation>沿用本次运行的种子</translation>
    </message>
    <message>
        <source>A seed of this stage&apos;s own, to vary it alone. Empty: the run&apos;s seed, its noise going on from the stage before</source>
        <translation>此阶段专用的种子，用于单独改变此阶段。留空：使用本次运行的种子，噪声承接上一阶段</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>stage I (IF-I, e.g. DeepFloyd/IF-I-XL-v1.0)</source>
        <translation>阶段 I 模型（IF-I，例如 DeepFloyd/IF-I-XL-v1.0）</translation>
    </message>
    <message>
        <source>stage II (IF-II, e.g. DeepFloyd/IF-II-L-v1.0)</source>
        <translation>阶段 II 模型（IF-II，例如 DeepFloyd/IF-II-L-v1.0）</translation>
    </message>
    <message>
        <source>The model library has no DeepFloyd IF %1. Put its diffusers folder (with model_index.json) into the models folder&apos;s Stable-diffusion folder, or add the folder under Settings &gt; Model library, then rescan.</source>
        <translation>模型库中没有 DeepFloyd IF %1。请将其 diffusers 文件夹（包含 model_index.json）放入模型文件夹的 Stable-diffusion 子文件夹，或在“设置 &gt; 模型库”中添加该文件夹，然后重新扫描。</translation>
    </message>
    <message>
        <source> and </source>
        <translation>和</translation>
    </message>
    <message>
        <source>DeepFloyd IF needs a stage I and a stage II model: choose them in the DeepFloyd IF panel (the model library lists the IF-I and IF-II folders it found).</source>
        <translation>DeepFloyd IF 需要阶段 I 和阶段 II 模型：请在 DeepFloyd IF 面板中选择（模型库会列出它找到的 IF-I 和 IF-II 文件夹）。</translation>
    </message>
</context>
<context>
    <name>gesso::ui::EngineWorker</name>
    <message>
        <source>Out of main memory: lower the size or the batch, or close other programs</source>
        <translation>内存不足：请减小尺寸或单批数量，或关闭其他程序</translation>
    </message>
    <message>
        <source>Generation failed with an unknown error</source>
        <translation>生成失败：未知错误</translation>
    </message>
</context>
<context>
    <name>gesso::ui::GenerationPanel</name>
    <message>
        <source>Text to image</source>
        <translation>文生图</translation>
    </message>
    <message>
        <source>Image to image</source>
        <translation>图生图</translation>
    </message>
    <message>
        <source>Inpaint</source>
        <translation>局部重绘</translation>
    </message>
    <message>
        <source>Choose a model folder (with model_index.json)</source>
        <translation>选择模型文件夹（包含 model_index.json）</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Negative prompt</source>
        <translation>反向提示词</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>The seed of the noise the image starts from: the same seed and settings give the same image. Type -1 for a new random seed each time.</source>
        <translation>图像起始噪声的种子：相同的种子和设置会得到相同的图像。输入 -1 则每次使用新的随机种子。</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Draw a new seed for every generation</source>
        <translation>每次生成都使用新的随机种子</translation>
    </message>
    <message>
        <source>Pick a new random seed and keep it</source>
        <translation>抽取一个新的随机种子并固定使用</translation>
    </message>
    <message>
        <source>New random seed</source>
        <translation>新的随机种子</translation>
    </message>
    <message>
        <source>Reuse the seed of the last image</source>
        <translation>重用上一张图像的种子</translation>
    </message>
    <message>
        <source>Reuse last seed</source>
        <translation>重用上次的种子</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>The models work in blocks of 8 pixels: other values are rounded to a multiple of 8</source>
        <translation>模型以 8 像素为单位处理图像：其他数值会被取整为 8 的倍数</translation>
    </message>
    <message>
        <source>Swap width and height</source>
        <translation>交换宽度和高度</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Denoising steps: more take longer and add detail, up to a point</source>
        <translation>去噪步数：步数越多耗时越长，细节也越多（到一定程度为止）</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>How closely the image follows the prompt (CFG scale); 5 to 9 is usual</source>
        <translation>图像遵循提示词的程度（CFG）；通常取 5 到 9</translation>
    </message>
    <message>
        <source>Guidance scale</source>
        <translation>提示词引导系数</translation>
    </message>
    <message>
        <source>Sampler</source>
        <translation>采样器</translation>
    </message>
    <message>
        <source>How many runs, one after the other</source>
        <translation>依次运行的次数</translation>
    </message>
    <message>
        <source>Batch count</source>
        <translation>总批次数</translation>
    </message>
    <message>
        <source>Images made together in one run: faster per image, more memory</source>
        <translation>一次运行中同时生成的图像数：每张更快，但占用更多显存</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>单批数量</translation>
    </message>
    <message>
        <source>How much of the image is repainted: low keeps it close to the original, 1 starts from pure noise</source>
        <translation>图像被重绘的程度：数值低则贴近原图，为 1 时从纯噪声开始</translation>
    </message>
    <message>
        <source>Denoising strength</source>
        <translation>重绘幅度</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Generate (Ctrl+Return)</source>
        <translation>生成（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the run after the current step (Esc)</source>
        <translation>在当前步完成后停止运行（Esc）</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Reuse the seed of the last image (%1)</source>
        <translation>重用上一张图像的种子（%1）</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Model default</source>
        <translation>模型默认</translation>
    </message>
    <message>
        <source>The sampler the model folder names (its scheduler_config.json), with its settings</source>
        <translation>模型文件夹指定的采样器（其 scheduler_config.json），并使用其设置</translation>
    </message>
    <message>
        <source>Refiner</source>
        <translation>精炼模型</translation>
    </message>
    <message>
        <source>Where the refiner takes over, as a fraction of the denoising: 0.8 leaves it the last fifth (AUTOMATIC1111&apos;s &quot;Refiner switch at&quot;)</source>
        <translation>精炼模型接手的时机，以去噪进度的比例表示：0.8 表示由它完成最后五分之一（即 AUTOMATIC1111 的“Refiner switch at”）</translation>
    </message>
    <message>
        <source>Switch at</source>
        <translation>切换时机</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>The sizes %1 models were trained at: the square first, then each wider shape and its taller twin</source>
        <translation>%1 模型训练时使用的尺寸：先是正方形，然后是各个横版尺寸及其对应的竖版尺寸</translation>
    </message>
    <message>
        <source>Model default (%1)</source>
        <translation>模型默认（%1）</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>An SDXL refiner finishes the image: the base model denoises up to the switch point, the refiner does the rest</source>
        <translation>SDXL 精炼模型负责完成图像：基础模型去噪到切换点，其余部分由精炼模型完成</translation>
    </message>
    <message>
        <source>A refiner follows an SDXL base model, in text to image or image to image</source>
        <translation>精炼模型只能接在 SDXL 基础模型之后，用于文生图或图生图</translation>
    </message>
    <message>
        <source>Search models</source>
        <translation>搜索模型</translation>
    </message>
    <message>
        <source>Show the models whose name or kind holds every word typed (&quot;xl inpainting&quot;); Return opens the list</source>
        <translation>只显示名称或类型包含所输入全部词语的模型（如“xl inpainting”）；按回车键打开列表</translation>
    </message>
    <message>
        <source>Scan the models folder again</source>
        <translation>重新扫描模型文件夹</translation>
    </message>
    <message>
        <source>Rescan models</source>
        <translation>重新扫描模型</translation>
    </message>
    <message>
        <source>The model to generate with: a checkpoint or a diffusers folder of the library, or a folder added by hand</source>
        <translation>用于生成的模型：模型库中的 checkpoint 或 diffusers 文件夹，或手动添加的文件夹</translation>
    </message>
    <message>
        <source>A VAE of the library&apos;s VAE folder to decode with instead of the model&apos;s own (AUTOMATIC1111&apos;s &quot;SD VAE&quot;)</source>
        <translation>用模型库 VAE 文件夹中的 VAE 代替模型自带的 VAE 进行解码（即 AUTOMATIC1111 的“SD VAE”）</translation>
    </message>
    <message>
        <source>VAE</source>
        <translation>VAE</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>The model&apos;s own VAE</source>
        <translation>模型自带的 VAE</translation>
    </message>
    <message>
        <source>Plain prompts</source>
        <translation>纯文本提示词</translation>
    </message>
    <message>
        <source>Read the prompts as diffusers does: brackets are text, and only the first 75 tokens count. Off: AUTOMATIC1111&apos;s syntax — (word:1.2) emphasis, [from:to:when] edits, [a|b] alternation, BREAK, &lt;lora:name:weight&gt;, embeddings by name, prompts of any length in chunks of 75 tokens.</source>
        <translation>按 diffusers 的方式读取提示词：括号即普通文本，只计前 75 个 token。关闭时使用 AUTOMATIC1111 的语法——(word:1.2) 强调、[from:to:when] 提示词编辑、[a|b] 交替、BREAK、&lt;lora:name:weight&gt;、按名称使用 embedding，提示词可任意长，按每 75 个 token 分块。</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>Add a LoRA from the library&apos;s Lora folder to the prompt</source>
        <translation>从模型库的 Lora 文件夹向提示词添加一个 LoRA</translation>
    </message>
    <message>
        <source>Not in the library&apos;s Lora folder: %1</source>
        <translation>不在模型库的 Lora 文件夹中：%1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No LoRA in the library&apos;s Lora folder</source>
        <translation>模型库的 Lora 文件夹中没有 LoRA</translation>
    </message>
    <message>
        <source>DeepFloyd IF</source>
        <translation>DeepFloyd IF</translation>
    </message>
    <message>
        <source>Remove the selected model from the list (only models added with &quot;Add folder…&quot;; nothing is deleted from the disk)</source>
        <translation>从列表中移除所选模型（仅限用“添加文件夹…”添加的模型；不会从磁盘删除任何文件）</translation>
    </message>
    <message>
        <source>Remove model</source>
        <translation>移除模型</translation>
    </message>
    <message>
        <source>%1/%2 (%3 ignored)</source>
        <translation>%1/%2（忽略 %3）</translation>
    </message>
    <message>
        <source>Plain prompts: the model reads only the first %1 tokens; the %2 tokens past %1 are ignored. Shorten the prompt, or turn Plain prompts off to read it all in chunks of %1.</source>
        <translation>纯文本提示词：模型只读取前 %1 个词元；超出 %1 的 %2 个词元被忽略。请缩短提示词，或关闭“纯文本提示词”，以每块 %1 个词元读取全部内容。</translation>
    </message>
    <message>
        <source>Tokens in this prompt; with plain prompts the model reads the first %1 and ignores the rest.</source>
        <translation>此提示词中的词元数；使用纯文本提示词时，模型读取前 %1 个，忽略其余部分。</translation>
    </message>
    <message>
        <source>Tokens in this prompt, and the chunks of %1 the text encoder reads it in (AUTOMATIC1111&apos;s count: a chunk ends early at a comma or BREAK). Every chunk is read: nothing is cut.</source>
        <translation>此提示词中的词元数，以及文本编码器读取它时使用的每块 %1 个词元的分块数（按 AUTOMATIC1111 的计数方式：分块在逗号或 BREAK 处提前结束）。每个分块都会被读取：不会截断任何内容。</translation>
    </message>
</context>
<context>
    <name>gesso::ui::GenerationQueue</name>
    <message>
        <source>(no prompt)</source>
        <translation>（无提示词）</translation>
    </message>
    <message>
        <source>1 step</source>
        <translation>1 步</translation>
    </message>
    <message>
        <source>%1 steps</source>
        <translation>%1 步</translation>
    </message>
    <message>
        <source>img2img</source>
        <translation>图生图</translation>
    </message>
    <message>
        <source>inpaint</source>
        <translation>局部重绘</translation>
    </message>
    <message>
        <source>txt2img</source>
        <translation>文生图</translation>
    </message>
    <message>
        <source>DeepFloyd IF</source>
        <translation>DeepFloyd IF</translation>
    </message>
    <message>
        <source>Upscale x4</source>
        <translation>放大 x4</translation>
    </message>
    <message>
        <source>(nothing to run)</source>
        <translation>（没有可运行的内容）</translation>
    </message>
</context>
<context>
    <name>gesso::ui::HiresFixPanel</name>
    <message>
        <source>Hires. fix</source>
        <translation>高分辨率修复</translation>
    </message>
    <message>
        <source>Generate at the size above, upscale, then denoise again at the larger size: more detail than generating large at once, without the repeated subjects a model gives beyond the size it was trained at (as AUTOMATIC1111&apos;s Hires. fix).</source>
        <translation>先以上面的尺寸生成，放大后再以更大的尺寸重新去噪：比直接生成大图细节更多，也不会出现模型在超出训练尺寸时产生的重复主体（同 AUTOMATIC1111 的高分辨率修复）。</translation>
    </message>
    <message>
        <source>Upscaler</source>
        <translation>放大算法</translation>
    </message>
    <message>
        <source>Upscale by</source>
        <translation>放大倍数</translation>
    </message>
    <message>
        <source>Same as Steps</source>
        <translation>与步数相同</translation>
    </message>
    <message>
        <source>The second pass&apos;s steps; 0 uses the sampling steps above.</source>
        <translation>第二遍的步数；0 表示使用上面的采样步数。</translation>
    </message>
    <message>
        <source>Hires steps</source>
        <translation>高分辨率步数</translation>
    </message>
    <message>
        <source>How much the second pass repaints the upscaled image: low keeps it, high invents new detail (and may change the picture).</source>
        <translation>第二遍对放大后图像的重绘程度：低则保持原样，高则创造新细节（也可能改变画面）。</translation>
    </message>
    <message>
        <source>Denoising strength</source>
        <translation>重绘幅度</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>A size instead of &quot;Upscale by&quot;: one of them Auto keeps the picture&apos;s shape; both set, the picture is scaled to cover that size and cropped.</source>
        <translation>用尺寸代替“放大倍数”：其中一项为“自动”时保持画面比例；两项都设置时，画面缩放到覆盖该尺寸后裁剪。</translation>
    </message>
    <message>
        <source>Resize to</source>
        <translation>缩放到</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Latent: the first pass&apos;s latents are scaled (fast; the second pass needs a denoising strength of about 0.5 or more to sharpen them). Lanczos and Nearest: the image is decoded, resized and encoded again. SD x4: the image is upscaled by Stability&apos;s x4 upscaler (slower, sharper), then resized and encoded again.</source>
        <translation>Latent：缩放第一遍的潜空间（快；第二遍需要约 0.5 或更高的重绘幅度才能使其清晰）。Lanczos 和 Nearest：将图像解码、缩放后重新编码。SD x4：用 Stability 的 x4 放大模型放大图像（较慢，更清晰），再缩放并重新编码。</translation>
    </message>
    <message>
        <source>The x4 upscaler model SD x4 runs (from the model library).</source>
        <translation>SD x4 使用的 x4 放大模型（来自模型库）。</translation>
    </message>
    <message>
        <source>x4 model</source>
        <translation>x4 模型</translation>
    </message>
    <message>
        <source>Add Stability&apos;s x4 upscaler (stable-diffusion-x4-upscaler) to the model library to use it.</source>
        <translation>将 Stability 的 x4 放大模型（stable-diffusion-x4-upscaler）添加到模型库后即可使用。</translation>
    </message>
</context>
<context>
    <name>gesso::ui::HistoryInfoPanel</name>
    <message>
        <source>Select an image to see how it was made.</source>
        <translation>选择一张图像，查看它是如何生成的。</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>反向</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Sampler</source>
        <translation>采样器</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>CFG scale</source>
        <translation>提示词引导系数</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>gesso::ui::HistoryModel</name>
    <message>
        <source>(no prompt)</source>
        <translation>（无提示词）</translation>
    </message>
    <message>
        <source>Seed %1 · %2</source>
        <extracomment>The gallery&apos;s second caption line, e.g. &quot;Seed 1234 · 14:03:12&quot;.</extracomment>
        <translation>种子 %1 · %2</translation>
    </message>
</context>
<context>
    <name>gesso::ui::HistoryPanel</name>
    <message>
        <source>View full size</source>
        <translation>查看原始尺寸</translation>
    </message>
    <message>
        <source>Copy parameters</source>
        <translation>复制参数</translation>
    </message>
    <message>
        <source>Reuse parameters</source>
        <translation>重用参数</translation>
    </message>
    <message>
        <source>Send to image to image</source>
        <translation>发送到图生图</translation>
    </message>
    <message>
        <source>Send to inpaint</source>
        <translation>发送到局部重绘</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Delete result</source>
        <translation>删除结果</translation>
    </message>
    <message>
        <source>Remove this result from the history and delete its image file?</source>
        <translation>要从历史记录中移除此结果并删除其图像文件吗？</translation>
    </message>
    <message>
        <source>Cannot read %1: the file was moved or deleted.</source>
        <translation>无法读取 %1：文件已被移动或删除。</translation>
    </message>
    <message>
        <source>Save image as</source>
        <translation>图像另存为</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>Upscale x4…</source>
        <translation>放大 x4…</translation>
    </message>
    <message>
        <source>Search prompts</source>
        <translation>搜索提示词</translation>
    </message>
    <message>
        <source>Shows the images whose prompt holds every word typed here (case aside).</source>
        <translation>显示提示词中包含此处输入的每个词的图像（不区分大小写）。</translation>
    </message>
    <message>
        <source>Thumbnails</source>
        <translation>缩略图</translation>
    </message>
    <message>
        <source>The size of the thumbnails</source>
        <translation>缩略图的大小</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n 张图像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n found</source>
        <translation>
            <numerusform>找到 %n 张</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gesso::ui::ImageView</name>
    <message>
        <source>Open a model folder to start.</source>
        <translation>打开一个模型文件夹即可开始。</translation>
    </message>
    <message>
        <source>Upscale x4…</source>
        <translation>放大 x4…</translation>
    </message>
</context>
<context>
    <name>gesso::ui::ImageViewer</name>
    <message>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一张</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一张 ▶</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100%</translation>
    </message>
    <message>
        <source>Cannot read %1: the file was moved or deleted.</source>
        <translation>无法读取 %1：文件已被移动或删除。</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>gesso::ui::InpaintPanel</name>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Softens the mask&apos;s edge by this many pixels, so that the seam where the result is pasted back onto the original blends in. 0 gives a hard edge.</source>
        <translation>按此像素数柔化蒙版边缘，使结果贴回原图处的接缝自然融合。0 表示硬边缘。</translation>
    </message>
    <message>
        <source>Mask blur</source>
        <translation>蒙版边缘模糊度</translation>
    </message>
    <message>
        <source>Whole picture</source>
        <translation>整张图片</translation>
    </message>
    <message>
        <source>The model repaints the masked area seeing the whole image, at the generation size</source>
        <translation>模型参考整张图像，以生成尺寸重绘蒙版区域</translation>
    </message>
    <message>
        <source>Only masked</source>
        <translation>仅蒙版区域</translation>
    </message>
    <message>
        <source>The area around the mask is cut out, repainted at the full generation size and scaled back: more detail for small areas, less context</source>
        <translation>裁出蒙版周围的区域，以完整生成尺寸重绘后再缩放回原处：小区域细节更多，但参考的上下文更少</translation>
    </message>
    <message>
        <source>Repaint seeing the whole picture, or only a crop around the mask at full resolution</source>
        <translation>参考整张图片重绘，或仅以全分辨率重绘蒙版周围的裁切区域</translation>
    </message>
    <message>
        <source>Inpaint area</source>
        <translation>重绘区域</translation>
    </message>
    <message>
        <source>With &quot;Only masked&quot;: the pixels of context kept around the mask&apos;s bounding box, so that the repainted part matches its surroundings</source>
        <translation>用于“仅蒙版区域”：在蒙版外接矩形周围保留的上下文像素，使重绘部分与周围相协调</translation>
    </message>
    <message>
        <source>Only masked padding</source>
        <translation>仅蒙版区域边缘预留</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>Start from the original pixels under the mask: keeps their colours and shapes</source>
        <translation>从蒙版下的原始像素开始：保留其颜色和形状</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Start from the surrounding colours spread over the mask: to remove an object</source>
        <translation>从铺满蒙版的周边颜色开始：适合移除物体</translation>
    </message>
    <message>
        <source>Latent noise</source>
        <translation>潜空间噪声</translation>
    </message>
    <message>
        <source>Start from pure noise under the mask: anything can appear (use a strength near 1)</source>
        <translation>从蒙版下的纯噪声开始：可能出现任何内容（请使用接近 1 的重绘幅度）</translation>
    </message>
    <message>
        <source>Latent nothing</source>
        <translation>空白潜空间</translation>
    </message>
    <message>
        <source>Start from an empty latent under the mask: flat, for a strength near 1</source>
        <translation>从蒙版下的空白潜空间开始：画面平淡，适合接近 1 的重绘幅度</translation>
    </message>
    <message>
        <source>What the masked area starts from before it is repainted</source>
        <translation>蒙版区域在重绘之前的初始内容</translation>
    </message>
    <message>
        <source>Masked content</source>
        <translation>蒙版区域内容</translation>
    </message>
</context>
<context>
    <name>gesso::ui::MainWindow</name>
    <message>
        <source>Gesso</source>
        <translation>Gesso</translation>
    </message>
    <message>
        <source>LibTorch %1 · %2</source>
        <translation>LibTorch %1 · %2</translation>
    </message>
    <message>
        <source>The history is unavailable: %1</source>
        <translation>历史记录不可用：%1</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Source image and mask</source>
        <translation>源图像和蒙版</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Speed and memory</source>
        <translation>速度与显存</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open source image…</source>
        <translation>打开源图像(&amp;O)…</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.webp *.bmp)</translation>
    </message>
    <message>
        <source>&amp;Restore parameters from PNG…</source>
        <translation>从 PNG 恢复参数(&amp;R)…</translation>
    </message>
    <message>
        <source>Restore parameters</source>
        <translation>恢复参数</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Send result to &amp;image to image</source>
        <translation>将结果发送到图生图(&amp;I)</translation>
    </message>
    <message>
        <source>Send result to i&amp;npaint</source>
        <translation>将结果发送到局部重绘(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Output folder…</source>
        <translation>输出文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Step previews</source>
        <translation>步骤预览</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Gesso</source>
        <translation>关于 Gesso(&amp;A)</translation>
    </message>
    <message>
        <source>Settings not saved: %1</source>
        <translation>设置未保存：%1</translation>
    </message>
    <message>
        <source>Type a prompt and press Generate (Ctrl+Enter).</source>
        <translation>输入提示词并点击“生成”（Ctrl+Enter）。</translation>
    </message>
    <message>
        <source>Choose a model folder first (the model list, &quot;Add folder…&quot;).</source>
        <translation>请先选择模型文件夹（模型列表中的“添加文件夹…”）。</translation>
    </message>
    <message>
        <source>Open a source image first (File &gt; Open source image, or drop one).</source>
        <translation>请先打开源图像（文件 &gt; 打开源图像，或将图像拖放到窗口中）。</translation>
    </message>
    <message>
        <source>Paint the area to repaint on the source image first.</source>
        <translation>请先在源图像上涂出要重绘的区域。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) in %1 s</source>
        <translation>
            <numerusform>%n 张图像，用时 %1 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1 is not an image Gesso can read.</source>
        <translation>%1 不是 Gesso 能读取的图像。</translation>
    </message>
    <message>
        <source>Parameters restored from %1</source>
        <translation>已从 %1 恢复参数</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <source>The language changes the next time Gesso starts.</source>
        <translation>语言将在下次启动 Gesso 时生效。</translation>
    </message>
    <message>
        <source>About Gesso</source>
        <translation>关于 Gesso</translation>
    </message>
    <message>
        <source>&amp;Model library…</source>
        <translation>模型库(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Rescan models</source>
        <translation>重新扫描模型(&amp;R)</translation>
    </message>
    <message>
        <source>Scanning the models folder…</source>
        <translation>正在扫描模型文件夹…</translation>
    </message>
    <message>
        <source>Put a checkpoint into the models folder&apos;s Stable-diffusion folder (Settings &gt; Model library), or add a diffusers model folder, to start.</source>
        <translation>将 checkpoint 放入模型文件夹的 Stable-diffusion 子文件夹（设置 &gt; 模型库），或添加一个 diffusers 模型文件夹，即可开始。</translation>
    </message>
    <message>
        <source>ControlNet</source>
        <translation>ControlNet</translation>
    </message>
    <message>
        <source>&amp;Upscale result x4…</source>
        <translation>将结果放大 x4(&amp;U)…</translation>
    </message>
    <message>
        <source>Choose the DeepFloyd IF stages under the prompt, type a prompt and press Generate (Ctrl+Enter).</source>
        <translation>在提示词下方选择 DeepFloyd IF 的各阶段模型，输入提示词并点击“生成”（Ctrl+Enter）。</translation>
    </message>
    <message>
        <source>There is no image to upscale: generate one, or pick one in the history.</source>
        <translation>没有可放大的图像：请先生成一张，或在历史记录中选择一张。</translation>
    </message>
    <message>
        <source>The model library is still being scanned: try again in a moment.</source>
        <translation>模型库仍在扫描中：请稍后再试。</translation>
    </message>
    <message>
        <source>No x4 upscaler in the model library. Download stabilityai/stable-diffusion-x4-upscaler (its diffusers folder, with model_index.json) into %1, or add its folder under Settings &gt; Model library, then rescan.</source>
        <translation>模型库中没有 x4 放大模型。请将 stabilityai/stable-diffusion-x4-upscaler（其 diffusers 文件夹，包含 model_index.json）下载到 %1，或在“设置 &gt; 模型库”中添加其文件夹，然后重新扫描。</translation>
    </message>
    <message>
        <source>Stage I</source>
        <translation>阶段 I</translation>
    </message>
    <message>
        <source>Stage II</source>
        <translation>阶段 II</translation>
    </message>
    <message>
        <source>Stage III</source>
        <translation>阶段 III</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Show a preview every N steps (%1 by default; 1: every step; 0: none). Each preview waits for the GPU, which costs a little speed:</source>
        <translation>每 N 步显示一次预览（默认 %1；1：每一步；0：不显示）。每次预览都要等待 GPU，会稍微降低速度：</translation>
    </message>
    <message>
        <source>&amp;Benchmark…</source>
        <translation>基准测试(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Previews: none…</source>
        <translation>预览：无(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Previews: every step…</source>
        <translation>预览：每一步(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Previews: every %1 steps…</source>
        <translation>预览：每 %1 步(&amp;P)…</translation>
    </message>
    <message numerus="yes">
        <source>Queued: %1 (%n waiting)</source>
        <translation>
            <numerusform>已加入队列：%1（%n 个等待中）</numerusform>
        </translation>
    </message>
    <message>
        <source>Generate (Ctrl+Return)</source>
        <translation>生成（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Add to the queue (Ctrl+Return): it runs after the running one</source>
        <translation>加入队列（Ctrl+Return）：在当前运行结束后运行</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %n image(s)</source>
        <translation>
            <numerusform>已在 %n 张图像后取消</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 records how it was made (prompt, seed, steps, …). Use its parameters in the form too?</source>
        <translation>%1 记录了它的生成方式（提示词、种子、步数等）。是否也在表单中使用它的参数？</translation>
    </message>
    <message>
        <source>Use its parameters</source>
        <translation>使用它的参数</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的设置</translation>
    </message>
</context>
<context>
    <name>gesso::ui::MaskCanvas</name>
    <message>
        <source>Load mask</source>
        <translation>加载蒙版</translation>
    </message>
    <message>
        <source>Fill mask</source>
        <translation>填充蒙版</translation>
    </message>
    <message>
        <source>Clear mask</source>
        <translation>清除蒙版</translation>
    </message>
    <message>
        <source>Invert mask</source>
        <translation>反转蒙版</translation>
    </message>
    <message>
        <source>Paint mask</source>
        <translation>绘制蒙版</translation>
    </message>
    <message>
        <source>Erase mask</source>
        <translation>擦除蒙版</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>无图像</translation>
    </message>
</context>
<context>
    <name>gesso::ui::MaskToolsBar</name>
    <message>
        <source>Mask tools</source>
        <translation>蒙版工具</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>画笔</translation>
    </message>
    <message>
        <source>Paint the area to repaint (B; right drag paints with the eraser)</source>
        <translation>涂出要重绘的区域（B；按住右键拖动则用橡皮擦）</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <source>Erase the mask (E; X swaps brush and eraser)</source>
        <translation>擦除蒙版（E；X 在画笔和橡皮擦之间切换）</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Brush diameter in image pixels ([ and ], or Shift+wheel)</source>
        <translation>画笔直径，单位为图像像素（[ 和 ]，或 Shift+滚轮）</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Hardness</source>
        <translation>硬度</translation>
    </message>
    <message>
        <source>100% paints a hard-edged disc; lower values fade towards the rim</source>
        <translation>100% 绘制边缘清晰的圆点；数值越低，边缘越柔和</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Mark the whole image for repainting</source>
        <translation>将整张图像标记为重绘区域</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Keep the whole image</source>
        <translation>保留整张图像</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>反转</translation>
    </message>
    <message>
        <source>Swap the repainted and the kept areas</source>
        <translation>互换重绘区域与保留区域</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Show the whole image (Home; the wheel zooms around the pointer)</source>
        <translation>显示整张图像（Home；滚轮以指针为中心缩放）</translation>
    </message>
    <message>
        <source>Undo %1 (Ctrl+Z)</source>
        <translation>撤销%1（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Redo %1 (Ctrl+Y or Ctrl+Shift+Z)</source>
        <translation>重做%1（Ctrl+Y 或 Ctrl+Shift+Z）</translation>
    </message>
</context>
<context>
    <name>gesso::ui::ModeCheck</name>
    <message>
        <source>This is an inpainting model (%1): switch to Inpaint and paint the area to repaint, or choose another model for img2img.</source>
        <translation>这是一个局部重绘模型（%1）：请切换到“局部重绘”并涂出要重绘的区域，或为图生图选择其他模型。</translation>
    </message>
    <message>
        <source>This is an inpainting model (%1): it repaints a masked area of a source image, so switch to Inpaint (open a source image and paint the area to repaint), or choose another model for %2.</source>
        <translation>这是一个局部重绘模型（%1）：它重绘源图像中被蒙版覆盖的区域，因此请切换到“局部重绘”（打开源图像并涂出要重绘的区域），或为%2选择其他模型。</translation>
    </message>
</context>
<context>
    <name>gesso::ui::ModelHashCache</name>
    <message>
        <source>Cannot read the model hash cache %1: %2</source>
        <translation>无法读取模型哈希缓存 %1：%2</translation>
    </message>
    <message>
        <source>The model hash cache %1 is not one Gesso wrote: the hashes are computed again</source>
        <translation>模型哈希缓存 %1 不是 Gesso 写入的：将重新计算哈希</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>Cannot write the model hash cache %1: %2</source>
        <translation>无法写入模型哈希缓存 %1：%2</translation>
    </message>
</context>
<context>
    <name>gesso::ui::ModelLibrary</name>
    <message>
        <source>Cannot create the models folder %1</source>
        <translation>无法创建模型文件夹 %1</translation>
    </message>
    <message>
        <source>The file cannot be read</source>
        <translation>无法读取该文件</translation>
    </message>
    <message>
        <source>SD 1.x</source>
        <translation>SD 1.x</translation>
    </message>
    <message>
        <source>SD 2.x</source>
        <translation>SD 2.x</translation>
    </message>
    <message>
        <source>SDXL</source>
        <translation>SDXL</translation>
    </message>
    <message>
        <source>SDXL refiner</source>
        <translation>SDXL 精炼模型</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>diffusers folder</source>
        <translation>diffusers 文件夹</translation>
    </message>
    <message>
        <source>%1 inpainting</source>
        <translation>%1 局部重绘</translation>
    </message>
    <message>
        <source>inpainting checkpoint</source>
        <translation>局部重绘 checkpoint</translation>
    </message>
    <message>
        <source>checkpoint</source>
        <translation>checkpoint</translation>
    </message>
    <message>
        <source>%1 inpainting checkpoint</source>
        <translation>%1 局部重绘 checkpoint</translation>
    </message>
    <message>
        <source>%1 checkpoint</source>
        <translation>%1 checkpoint</translation>
    </message>
    <message>
        <source>VAE</source>
        <translation>VAE</translation>
    </message>
    <message>
        <source>%1 VAE</source>
        <translation>%1 VAE</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>%1 LoRA</source>
        <translation>%1 LoRA</translation>
    </message>
    <message>
        <source>embedding</source>
        <translation>嵌入式</translation>
    </message>
    <message>
        <source>%1 embedding</source>
        <translation>%1 嵌入式</translation>
    </message>
    <message>
        <source>ControlNet</source>
        <translation>ControlNet</translation>
    </message>
    <message>
        <source>%1 ControlNet</source>
        <translation>%1 ControlNet</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 [%2] — %3</source>
        <translation>%1 [%2] — %3</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256：%1</translation>
    </message>
    <message>
        <source>DeepFloyd IF I</source>
        <translation>DeepFloyd IF 阶段 I</translation>
    </message>
    <message>
        <source>DeepFloyd IF II</source>
        <translation>DeepFloyd IF 阶段 II</translation>
    </message>
    <message>
        <source>SD x4 upscaler</source>
        <translation>SD x4 放大模型</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>it cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>%1 is not a diffusers model folder (one with a model_index.json): %2</source>
        <translation>%1 不是 diffusers 模型文件夹（包含 model_index.json 的文件夹）：%2</translation>
    </message>
    <message>
        <source>%1 is not a model Gesso can read: %2</source>
        <translation>%1 不是 Gesso 能读取的模型：%2</translation>
    </message>
    <message>
        <source>%1 is a %2, not a model: put it in the models folder&apos;s %3 folder instead.</source>
        <translation>%1 是 %2，不是模型：请将它放入模型文件夹的 %3 子文件夹。</translation>
    </message>
    <message>
        <source>%1 is a %2 model, which the Generate form does not run (%3).</source>
        <translation>%1 是 %2 模型，“生成”表单不运行此类模型（%3）。</translation>
    </message>
    <message>
        <source>use File &gt; Upscale</source>
        <translation>请使用“文件 &gt; 放大”</translation>
    </message>
    <message>
        <source>pick the DeepFloyd IF mode</source>
        <translation>请选择 DeepFloyd IF 模式</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder: add a checkpoint file with the model list&apos;s &quot;Add folder…&quot;, or put it in the models folder.</source>
        <translation>%1 是文件而不是文件夹：请用模型列表的“添加文件夹…”添加 checkpoint 文件，或将它放入模型文件夹。</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>%1 is listed already.</source>
        <translation>%1 已在列表中。</translation>
    </message>
    <message>
        <source>%1 is inside the models folder, which is scanned already.</source>
        <translation>%1 位于模型文件夹内，该文件夹已被扫描。</translation>
    </message>
</context>
<context>
    <name>gesso::ui::ModelLibraryDialog</name>
    <message>
        <source>Choose a folder of models</source>
        <translation>选择模型文件夹</translation>
    </message>
    <message>
        <source>Model library</source>
        <translation>模型库</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>搜索模型库</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>哈希</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>重新扫描</translation>
    </message>
    <message>
        <source>Scan the folders again (new files are hashed in the background)</source>
        <translation>重新扫描这些文件夹（新文件会在后台计算哈希）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <source>More folders to scan, each with all its subfolders</source>
        <translation>要额外扫描的文件夹，各含其全部子文件夹</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Extra folders</source>
        <translation>额外文件夹</translation>
    </message>
    <message>
        <source>extra folder</source>
        <translation>额外文件夹</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n 个条目</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>显示 %1 / %2 个</translation>
    </message>
    <message>
        <source>scanning…</source>
        <translation>正在扫描…</translation>
    </message>
    <message>
        <source>hashing…</source>
        <translation>正在计算哈希…</translation>
    </message>
    <message>
        <source>AUTOMATIC1111&apos;s models folder: checkpoints in Stable-diffusion, and VAE, Lora, embeddings, ControlNet (created when missing). An A1111 models folder works as it is; add a ComfyUI one as an extra folder.</source>
        <translation>AUTOMATIC1111 的 models 文件夹：checkpoint 放在 Stable-diffusion 中，另有 VAE、Lora、embeddings、ControlNet（缺少时自动创建）。A1111 的 models 文件夹可直接使用；ComfyUI 的请作为额外文件夹添加。</translation>
    </message>
</context>
<context>
    <name>gesso::ui::OptimizationPanel</name>
    <message>
        <source>Device and precision</source>
        <translation>设备与精度</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>显存</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Max speed</source>
        <translation>最快速度</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>均衡</translation>
    </message>
    <message>
        <source>Low VRAM (6 GB)</source>
        <translation>低显存（6 GB）</translation>
    </message>
    <message>
        <source>Tiny VRAM (4 GB)</source>
        <translation>极低显存（4 GB）</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>fp32 (full)</source>
        <translation>fp32（全精度）</translation>
    </message>
    <message>
        <source>fp16 (half)</source>
        <translation>fp16（半精度）</translation>
    </message>
    <message>
        <source>bf16 (brain float)</source>
        <translation>bf16（brain float）</translation>
    </message>
    <message>
        <source>VAE in fp32</source>
        <translation>VAE 使用 fp32</translation>
    </message>
    <message>
        <source>TF32 tensor cores</source>
        <translation>TF32 Tensor Core</translation>
    </message>
    <message>
        <source>CUDA graphs</source>
        <translation>CUDA graphs</translation>
    </message>
    <message>
        <source>Channels-last</source>
        <translation>Channels-last</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Flash</source>
        <translation>Flash</translation>
    </message>
    <message>
        <source>Memory-efficient</source>
        <translation>高效内存</translation>
    </message>
    <message>
        <source>Math</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>CPU offload</source>
        <translation>CPU 卸载</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>VAE tiling</source>
        <translation>VAE 分块</translation>
    </message>
    <message>
        <source>VAE slicing</source>
        <translation>VAE 切片</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Auto (half the heads)</source>
        <translation>自动（一半的注意力头）</translation>
    </message>
    <message>
        <source>Heads at a time:</source>
        <translation>每次注意力头数：</translation>
    </message>
    <message>
        <source>Attention slicing</source>
        <translation>注意力切片</translation>
    </message>
    <message>
        <source>Release VRAM after each run</source>
        <translation>每次运行后释放显存</translation>
    </message>
    <message>
        <source>Pick a model to see how much VRAM it needs</source>
        <translation>选择一个模型以查看其所需显存</translation>
    </message>
    <message>
        <source>UNet</source>
        <translation>UNet</translation>
    </message>
    <message>
        <source>VAE decode</source>
        <translation>VAE 解码</translation>
    </message>
    <message>
        <source>text encoder</source>
        <translation>文本编码器</translation>
    </message>
    <message>
        <source>Runs on the CPU: no VRAM needed (about %1 of memory at the peak)</source>
        <translation>在 CPU 上运行：无需显存（峰值约占用 %1 内存）</translation>
    </message>
    <message>
        <source>Needs about %1 of VRAM (peak: %2)</source>
        <translation>约需 %1 显存（峰值阶段：%2）</translation>
    </message>
    <message>
        <source>— more than the %1 this device has</source>
        <translation>——超出此设备的 %1</translation>
    </message>
    <message>
        <source>Fused kernels</source>
        <translation>融合内核</translation>
    </message>
    <message>
        <source>refiner UNet</source>
        <translation>精炼模型 UNet</translation>
    </message>
    <message>
        <source>Needs an NVIDIA graphics card with CUDA; this computer has none, so Gesso runs on the processor.</source>
        <translation>需要支持 CUDA 的 NVIDIA 显卡；本机没有，因此 Gesso 在处理器上运行。</translation>
    </message>
    <message>
        <source>Max speed: the fastest settings, 175 steps a second at 512×512 on an H200 with 2.5 GiB of VRAM. Balanced: half precision and the defaults, 104 steps a second, 2.5 GiB. Low VRAM (6 GB): 1.8 GiB at nearly full speed. Tiny VRAM (4 GB): 0.6 GiB, several times slower. Every preset makes the same kind of image; only speed and memory change.</source>
        <translation>最快速度：最快的设置，在 H200 上 512×512 每秒 175 步，占用 2.5 GiB 显存。均衡：半精度和默认设置，每秒 104 步，2.5 GiB。低显存（6 GB）：1.8 GiB，速度几乎不变。极低显存（4 GB）：0.6 GiB，慢好几倍。每种预设生成的图像都一样；只有速度和显存占用不同。</translation>
    </message>
    <message>
        <source>The graphics memory this run needs at its peak, estimated from the model&apos;s size, the image size and the settings (within about 10% of what an H200 measured)</source>
        <translation>本次运行在峰值时所需的显存，根据模型大小、图像尺寸和各项设置估算（与 H200 实测值相差约 10% 以内）</translation>
    </message>
    <message>
        <source>Auto uses the NVIDIA graphics card when there is one, else the processor (far slower: minutes an image).</source>
        <translation>“自动”在有 NVIDIA 显卡时使用显卡，否则使用处理器（慢得多：每张图像需要数分钟）。</translation>
    </message>
    <message>
        <source>Half precision: nearly twice as fast with half the memory (45 steps a second and 2.6 GiB against full precision&apos;s 26 and 5.2 GiB, SD 1.5 at 512×512 on an H200); the image changes very little. Brain float: half&apos;s memory, fewer black images, slightly different images.</source>
        <translation>半精度：速度几乎翻倍，显存减半（每秒 45 步、2.6 GiB，而全精度为 26 步、5.2 GiB；SD 1.5，512×512，H200）；图像变化极小。Brain float：显存与半精度相同，黑图更少，图像略有不同。</translation>
    </message>
    <message>
        <source>Fixes the black or broken images some models give at half precision; the last step (turning the result into pixels) then needs twice the memory. Same speed.</source>
        <translation>修复某些模型在半精度下产生的黑图或损坏图像；最后一步（将结果转换为像素）随之需要两倍显存。速度不变。</translation>
    </message>
    <message>
        <source>Full precision only: faster (26 → 38 steps a second on an H200); the image changes too little to see. No effect at half precision.</source>
        <translation>仅限全精度：更快（在 H200 上每秒 26 → 38 步）；图像变化小到看不出。半精度下无效。</translation>
    </message>
    <message>
        <source>Gesso&apos;s own graphics-card code for the model&apos;s most frequent steps: faster (75 → 104 steps a second on an H200; 93 → 175 with Channels-last and CUDA graphs); the image changes too little to see. Off: the same code diffusers runs.</source>
        <translation>Gesso 为模型最常用的步骤编写的显卡代码：更快（在 H200 上每秒 75 → 104 步；配合 Channels-last 和 CUDA graphs 为 93 → 175）；图像变化小到看不出。关闭：使用与 diffusers 相同的代码。</translation>
    </message>
    <message>
        <source>Records each step once per image size and replays it: much faster (45 → 83 steps a second on an H200) for a little more memory (0.03 GiB); the first image of each size takes about 1 s longer. Same image. Not with per-layer offload.</source>
        <translation>每种图像尺寸录制一次每个步骤并重放：快得多（在 H200 上每秒 45 → 83 步），只多占一点显存（0.03 GiB）；每种尺寸的第一张图像多花约 1 秒。图像相同。不能与按层卸载同时使用。</translation>
    </message>
    <message>
        <source>Stores the image data in the order the graphics card reads fastest: alone a little slower (45 → 39 steps a second on an H200, slightly less memory); with CUDA graphs the fastest setting (101). The image changes too little to see.</source>
        <translation>按显卡读取最快的顺序存储图像数据：单独使用时稍慢（在 H200 上每秒 45 → 39 步，显存略少）；配合 CUDA graphs 则是最快的设置（101）。图像变化小到看不出。</translation>
    </message>
    <message>
        <source>Tune for each image size</source>
        <translation>为每种图像尺寸调优</translation>
    </message>
    <message>
        <source>Tries several ways of running the model on the first image of each size and keeps the fastest: barely faster (45 → 46 steps a second on an H200) for 0.06 GiB more; that first image is slower. Same image.</source>
        <translation>在每种尺寸的第一张图像上尝试几种运行模型的方式，保留最快的：几乎没有提速（在 H200 上每秒 45 → 46 步），多占 0.06 GiB；第一张图像较慢。图像相同。</translation>
    </message>
    <message>
        <source>How the model relates each part of the image to the others. Auto lets PyTorch choose (45 steps a second, 2.6 GiB on an H200); NVIDIA&apos;s kernel is the fastest there (71) for the same memory; Classic and Math are slower and need more memory. Nearly the same image with each.</source>
        <translation>模型如何将图像的各部分相互关联。“自动”由 PyTorch 选择（在 H200 上每秒 45 步，2.6 GiB）；NVIDIA 的内核在那里最快（71），显存相同；“经典”和 Math 更慢且需要更多显存。每种方式的图像几乎相同。</translation>
    </message>
    <message>
        <source>PyTorch chooses: 45 steps a second, 2.6 GiB on an H200</source>
        <translation>由 PyTorch 选择：在 H200 上每秒 45 步，2.6 GiB</translation>
    </message>
    <message>
        <source>48 steps a second, 2.7 GiB on an H200</source>
        <translation>在 H200 上每秒 48 步，2.7 GiB</translation>
    </message>
    <message>
        <source>51 steps a second, 2.7 GiB on an H200</source>
        <translation>在 H200 上每秒 51 步，2.7 GiB</translation>
    </message>
    <message>
        <source>27 steps a second, 4.4 GiB on an H200: the slowest, the most memory</source>
        <translation>在 H200 上每秒 27 步，4.4 GiB：最慢，显存占用最多</translation>
    </message>
    <message>
        <source>NVIDIA&apos;s kernel</source>
        <translation>NVIDIA 的内核</translation>
    </message>
    <message>
        <source>71 steps a second, 2.7 GiB: the fastest on an H200</source>
        <translation>每秒 71 步，2.7 GiB：在 H200 上最快</translation>
    </message>
    <message>
        <source>Classic</source>
        <translation>经典</translation>
    </message>
    <message>
        <source>41 steps a second, 3.7 GiB on an H200: the way diffusers has always done it</source>
        <translation>在 H200 上每秒 41 步，3.7 GiB：diffusers 一贯的做法</translation>
    </message>
    <message>
        <source>Keeps parts of the model in the computer&apos;s memory until they are needed. Per part: less graphics memory (2.6 → 1.8 GiB on an H200) at full speed, with 2 GB of the computer&apos;s memory set aside. Per layer: the least (0.6 GiB), several times slower. Same image.</source>
        <translation>将模型的各部分留在计算机内存中，直到需要时才载入。按部分：显存更少（在 H200 上 2.6 → 1.8 GiB），速度不变，需预留 2 GB 计算机内存。按层：最少（0.6 GiB），慢好几倍。图像相同。</translation>
    </message>
    <message>
        <source>Per part of the model</source>
        <translation>按模型部分</translation>
    </message>
    <message>
        <source>Per layer (slow)</source>
        <translation>按层（慢）</translation>
    </message>
    <message>
        <source>Turns the result into pixels tile by tile: far less memory for large images (1024×1024: 4.4 → 2.6 GiB on an H200) at no speed cost; faint seams may show. No change at the model&apos;s own size.</source>
        <translation>逐块将结果转换为像素：大图像所需显存少得多（1024×1024：在 H200 上 4.4 → 2.6 GiB），不损失速度；可能出现轻微接缝。在模型原生尺寸下无变化。</translation>
    </message>
    <message>
        <source>Turns a batch into pixels one image at a time: less memory for batches, same images; no change for one image.</source>
        <translation>逐张将一个批次转换为像素：批量时显存更少，图像相同；单张图像时无变化。</translation>
    </message>
    <message>
        <source>Relates the parts of the image a few at a time: saves memory only with the Math or Classic attention; with the others 30% slower (32 steps a second on an H200) and no saving. Same image.</source>
        <translation>每次只关联图像的少数几个部分：仅在使用 Math 或“经典”注意力时节省显存；使用其他方式时慢 30%（在 H200 上每秒 32 步）且不节省。图像相同。</translation>
    </message>
    <message>
        <source>Gives the graphics memory Gesso keeps back to other programs; the next run starts about 1 s slower.</source>
        <translation>将 Gesso 保留的显存交还给其他程序；下次运行的启动会慢约 1 秒。</translation>
    </message>
</context>
<context>
    <name>gesso::ui::OutpaintPanel</name>
    <message>
        <source>Extend canvas (outpainting)</source>
        <translation>扩展画布（外绘）</translation>
    </message>
    <message>
        <source>Adds pixels on the chosen sides of the source image and marks them for repainting: the run then paints what lies beyond the picture&apos;s edges</source>
        <translation>在源图像的选定边上添加像素并将其标记为待重绘：运行时会画出画面边缘之外的内容</translation>
    </message>
    <message>
        <source>Pixels added on the left</source>
        <translation>左侧添加的像素</translation>
    </message>
    <message>
        <source>Pixels added on the right</source>
        <translation>右侧添加的像素</translation>
    </message>
    <message>
        <source>Pixels added at the top</source>
        <translation>顶部添加的像素</translation>
    </message>
    <message>
        <source>Pixels added at the bottom</source>
        <translation>底部添加的像素</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>上</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>下</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Pixels of the old image along each extended side that are repainted too, so that the seam between old and new disappears</source>
        <translation>沿每条扩展边一并重绘的原图像素，使新旧之间的接缝消失</translation>
    </message>
    <message>
        <source>Overlap</source>
        <translation>重叠</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Extend canvas</source>
        <translation>扩展画布</translation>
    </message>
    <message>
        <source>Grow the source image, mask the new area and switch to Inpaint</source>
        <translation>扩大源图像，为新区域添加蒙版并切换到局部重绘</translation>
    </message>
    <message>
        <source> (a multiple of 8: other values are rounded up)</source>
        <translation>（8 的倍数：其他值会向上取整）</translation>
    </message>
    <message>
        <source>The edge&apos;s colours, blurred outwards, and the model starts from them smoothed over: the usual choice</source>
        <translation>将边缘的颜色向外模糊扩展，模型从平滑后的结果开始：通常的选择</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>The edge&apos;s pixels stretched outwards, and the model starts from them (a strength near 1 repaints the streaks)</source>
        <translation>将边缘像素向外拉伸，模型从它们开始（重绘幅度接近 1 时会重绘这些条纹）</translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>The picture mirrored at its edge, and the model starts from it</source>
        <translation>画面在边缘处镜像，模型从它开始</translation>
    </message>
    <message>
        <source>Latent noise</source>
        <translation>潜空间噪声</translation>
    </message>
    <message>
        <source>The model starts from pure noise in the new area: anything can appear (use a strength near 1)</source>
        <translation>模型在新区域从纯噪声开始：可能出现任何内容（请使用接近 1 的重绘幅度）</translation>
    </message>
    <message>
        <source>Latent nothing</source>
        <translation>空白潜空间</translation>
    </message>
    <message>
        <source>The model starts from an empty latent in the new area: flat, for a strength near 1</source>
        <translation>模型在新区域从空白潜空间开始：平坦，适用于接近 1 的重绘幅度</translation>
    </message>
    <message>
        <source>What the new area starts from (AUTOMATIC1111&apos;s masked content)</source>
        <translation>新区域的起始内容（AUTOMATIC1111 的蒙版区域内容）</translation>
    </message>
    <message>
        <source>Open a source image first (File &gt; Open source image, or drop one), then extend it.</source>
        <translation>请先打开源图像（文件 &gt; 打开源图像，或拖入一张），然后再扩展。</translation>
    </message>
    <message>
        <source>Choose how many pixels to add on at least one side.</source>
        <translation>请至少为一条边选择要添加的像素数。</translation>
    </message>
</context>
<context>
    <name>gesso::ui::ParametersBridge</name>
    <message>
        <source>The %1 schedule is not available for %2: %2 is used with its usual schedule.</source>
        <translation>%2 不支持 %1 调度类型：将使用 %2 及其常规调度类型。</translation>
    </message>
    <message>
        <source>The sampler &quot;%1&quot; is not available: %2 is used.</source>
        <translation>采样器“%1”不可用：将改用 %2。</translation>
    </message>
    <message>
        <source>The seed %1 is beyond the 63 bits Gesso takes: the seed is left as it was.</source>
        <translation>种子 %1 超出了 Gesso 支持的 63 位范围：种子保持不变。</translation>
    </message>
    <message>
        <source>These generation parameters cannot be read: %1</source>
        <translation>无法读取这些生成参数：%1</translation>
    </message>
    <message>
        <source>This text holds no generation parameters (a line such as &quot;Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 512x512&quot;).</source>
        <translation>此文本不包含生成参数（应有一行形如“Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 512x512”的内容）。</translation>
    </message>
    <message>
        <source>%1 cannot be read as an image.</source>
        <translation>无法将 %1 作为图像读取。</translation>
    </message>
    <message>
        <source>%1 carries no generation parameters (no &quot;parameters&quot; text in the PNG).</source>
        <translation>%1 不包含生成参数（PNG 中没有“parameters”文本）。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The sampler &quot;%1&quot; is not available: the model&apos;s own sampler is used.</source>
        <translation>采样器“%1”不可用：将改用模型自带的采样器。</translation>
    </message>
    <message>
        <source>The refiner &quot;%1&quot; is not in the model list: no refiner is used (add its folder to use it).</source>
        <translation>精炼模型“%1”不在模型列表中：将不使用精炼模型（添加其文件夹后即可使用）。</translation>
    </message>
    <message>
        <source>The refiner switch point &quot;%1&quot; is not a fraction between 0 and 1: %2 is kept.</source>
        <translation>精炼模型切换点“%1”不是 0 到 1 之间的比例：保留 %2。</translation>
    </message>
    <message>
        <source>The model &quot;%1&quot; is not in the library: the model is left as it is.</source>
        <translation>模型“%1”不在模型库中：模型保持不变。</translation>
    </message>
    <message>
        <source>The VAE &quot;%1&quot; is not in the library: the VAE is left as it is.</source>
        <translation>VAE“%1”不在模型库中：VAE 保持不变。</translation>
    </message>
    <message>
        <source>The prompt names LoRAs the library does not have: %1.</source>
        <translation>提示词引用了模型库中没有的 LoRA：%1。</translation>
    </message>
    <message>
        <source>The prompt uses embeddings the library does not have: %1.</source>
        <translation>提示词使用了模型库中没有的 embedding：%1。</translation>
    </message>
    <message>
        <source>ControlNet %1 cannot be read: %2</source>
        <translation>无法读取 ControlNet %1：%2</translation>
    </message>
    <message>
        <source>The ControlNet model &quot;%1&quot; (unit %2) is not in the library: that unit&apos;s model is left as it is.</source>
        <translation>ControlNet 模型“%1”（单元 %2）不在模型库中：该单元的模型保持不变。</translation>
    </message>
    <message>
        <source>The ControlNet preprocessor &quot;%1&quot; (unit %2) is not in Gesso (it needs a model of its own): &quot;none&quot; is used; give the unit a control image made already.</source>
        <translation>ControlNet 预处理器“%1”（单元 %2）不在 Gesso 中（它需要单独的模型）：将使用“none”；请为该单元提供已生成的控制图像。</translation>
    </message>
    <message>
        <source>Hires. fix cannot be restored: %1</source>
        <translation>无法恢复高分辨率修复：%1</translation>
    </message>
    <message>
        <source>The upscaler &quot;%1&quot; is not in Gesso: Hires. fix uses Latent.</source>
        <translation>Gesso 中没有放大算法“%1”：高分辨率修复将使用 Latent。</translation>
    </message>
    <message>
        <source>The inpainting options cannot be restored: %1</source>
        <translation>无法恢复局部重绘选项：%1</translation>
    </message>
</context>
<context>
    <name>gesso::ui::QueuePanel</name>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Run the selected item earlier</source>
        <translation>提前运行所选项目</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Run the selected item later</source>
        <translation>推后运行所选项目</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Take the selected item out of the queue</source>
        <translation>将所选项目移出队列</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Empty the queue (the running item goes on)</source>
        <translation>清空队列（正在运行的项目继续）</translation>
    </message>
    <message>
        <source>Generate forever</source>
        <translation>无限生成</translation>
    </message>
    <message>
        <source>When the queue is empty, generate again from the form with a new random seed, until this is turned off</source>
        <translation>队列为空时，使用新的随机种子按表单再次生成，直到关闭此项</translation>
    </message>
    <message>
        <source>Nothing is running. Generate while a run is going adds to the queue.</source>
        <translation>当前没有运行。运行期间点击“生成”会加入队列。</translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation>正在运行：%1</translation>
    </message>
</context>
<context>
    <name>gesso::ui::ReadoutBar</name>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 it/s</source>
        <translation>%1 it/s</translation>
    </message>
    <message>
        <source>%1 elapsed, %2 left</source>
        <translation>已用 %1，剩余 %2</translation>
    </message>
    <message>
        <source>VRAM %1 allocated, %2 reserved of %3</source>
        <translation>显存：已分配 %1，已保留 %2，共 %3</translation>
    </message>
    <message>
        <source>CPU run</source>
        <translation>CPU 运行</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
</context>
<context>
    <name>gesso::ui::UpscaleDialog</name>
    <message>
        <source>Upscale x4</source>
        <translation>放大 x4</translation>
    </message>
    <message>
        <source>What the image shows: the upscaler reads a prompt too (the image&apos;s own, when it has one)</source>
        <translation>图像的内容：放大模型也会读取提示词（图像自带提示词时使用它）</translation>
    </message>
    <message>
        <source>Noise added to the image before it is upscaled: more invents more detail, and strays further from the image</source>
        <translation>放大之前向图像添加的噪声：越多则创造越多细节，但也越偏离原图</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Large images are upscaled in overlapping tiles of this many pixels (of the image as it is now), blended, so that memory stays that of one tile. Off: the whole image at once.</source>
        <translation>大图像会按此像素大小（以当前图像计）分成相互重叠的图块分别放大再融合，显存占用只相当于一个图块。关闭：一次处理整张图像。</translation>
    </message>
    <message>
        <source>Upscaler</source>
        <translation>放大模型</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Negative prompt</source>
        <translation>反向提示词</translation>
    </message>
    <message>
        <source>Noise level</source>
        <translation>噪声强度</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Guidance scale</source>
        <translation>提示词引导系数</translation>
    </message>
    <message>
        <source>Tile size</source>
        <translation>图块大小</translation>
    </message>
    <message>
        <source>Upscale</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>%1 × %2 px → %3 × %4 px</source>
        <translation>%1 × %2 像素 → %3 × %4 像素</translation>
    </message>
    <message numerus="yes">
        <source>%1, in %n tile(s)</source>
        <translation>
            <numerusform>%1，分 %n 个图块</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gesso::ui::VramChart</name>
    <message>
        <source>Device memory over the run: allocated (dark), reserved by the allocator (light), the card&apos;s total (dashed)</source>
        <translation>本次运行中的设备显存：已分配（深色）、分配器保留（浅色）、显卡总量（虚线）</translation>
    </message>
    <message>
        <source>VRAM</source>
        <translation>显存</translation>
    </message>
    <message>
        <source>VRAM: CPU run</source>
        <translation>显存：CPU 运行</translation>
    </message>
    <message>
        <source>VRAM: %1 / %2 GiB</source>
        <translation>显存：%1 / %2 GiB</translation>
    </message>
</context>
</TS>
