#!/usr/bin/env python3
"""Fills translations/gesso_<locale>.ts from the table below.

    python3 translations/fill_translations.py            # both .ts files next to this script
    python3 translations/fill_translations.py --check    # report only, write nothing
    python3 translations/fill_translations.py --overwrite  # also replace finished translations that differ

Only unfinished messages whose (context, source) the table knows are filled; finished ones are left
alone (a fix made in Qt Linguist survives a re-run) unless --overwrite is given. Messages the table does
not know are listed and stay unfinished: add them to TABLE and run again. Exit status: 0 when every
message of every file is finished, 1 when some are not, 2 on a bad table entry.

The .ts files come from lupdate; run it from the repository root with -I . so that the headers are found
and the contexts are the classes' runtime names (gesso::ui::MainWindow, not MainWindow):

    /usr/lib/qt6/bin/lupdate -no-obsolete -locations none -I . ui app/gesso.cpp \
        -ts translations/gesso_zh_CN.ts translations/gesso_de.ts

The file is rewritten the way lupdate writes it, so that a later lupdate run changes nothing else.
"""

import argparse
import html
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

UI = "gesso::ui::"

# Numerus forms per language (Qt's rules: Chinese has one form, German two: singular, plural).
NUMERUS_FORMS = {"zh_CN": 1, "de": 2}

# {context: [(source, zh_CN, de), ...]}; a numerus message has a list of forms per language.
TABLE = {
    "HistoryStore": [
        ("Cannot create the history folder %1", "无法创建历史记录文件夹 %1",
         "Der Verlaufsordner %1 kann nicht angelegt werden"),
        ("The Qt SQLite driver (QSQLITE) is not available", "Qt SQLite 驱动（QSQLITE）不可用",
         "Der Qt-SQLite-Treiber (QSQLITE) ist nicht verfügbar"),
        ("Cannot open the history database %1", "无法打开历史记录数据库 %1",
         "Die Verlaufsdatenbank %1 kann nicht geöffnet werden"),
        ("%1 is not a readable history database (damaged?)", "%1 不是可读取的历史记录数据库（已损坏？）",
         "%1 ist keine lesbare Verlaufsdatenbank (beschädigt?)"),
        ("%1 was written by a newer Gesso (history schema %2; this version reads up to %3)",
         "%1 由更新版本的 Gesso 写入（历史记录架构 %2；此版本最高只能读取 %3）",
         "%1 wurde von einer neueren Gesso-Version geschrieben (Verlaufsschema %2; diese Version liest bis %3)"),
        ("Cannot start a transaction", "无法开始事务", "Es kann keine Transaktion gestartet werden"),
        ("Cannot create the history tables", "无法创建历史记录表", "Die Verlaufstabellen können nicht angelegt werden"),
        ("History database error", "历史记录数据库错误", "Fehler in der Verlaufsdatenbank"),
        ("The history database is not open", "历史记录数据库未打开", "Die Verlaufsdatenbank ist nicht geöffnet"),
        ("Cannot add to the history", "无法添加到历史记录", "Der Eintrag kann nicht zum Verlauf hinzugefügt werden"),
        ("Cannot read the history", "无法读取历史记录", "Der Verlauf kann nicht gelesen werden"),
        ("No history entry %1", "不存在历史记录条目 %1", "Kein Verlaufseintrag %1"),
        ("Cannot remove from the history", "无法从历史记录中移除", "Der Eintrag kann nicht aus dem Verlauf entfernt werden"),
        ("Removed from the history, but cannot delete %1", "已从历史记录中移除，但无法删除 %1",
         "Aus dem Verlauf entfernt, aber %1 kann nicht gelöscht werden"),
    ],
    "ResultSaver": [
        ("Cannot create a folder in %1: choose another output folder.", "无法在 %1 中创建文件夹：请选择其他输出文件夹。",
         "In %1 kann kein Ordner angelegt werden: Wählen Sie einen anderen Ausgabeordner."),
        ("Saved %1, but the history could not record it: %2", "已保存 %1，但无法记入历史记录：%2",
         "%1 gespeichert, aber der Verlauf konnte es nicht aufnehmen: %2"),
    ],
    "SettingsStore": [
        ("Cannot read the settings file %1; using the defaults", "无法读取设置文件 %1；将使用默认设置",
         "Die Einstellungsdatei %1 kann nicht gelesen werden; es gelten die Standardwerte"),
        ("Cannot create the settings folder %1", "无法创建设置文件夹 %1",
         "Der Einstellungsordner %1 kann nicht angelegt werden"),
        ("Cannot remove the stale %1", "无法删除残留的 %1", "Die veraltete Datei %1 kann nicht entfernt werden"),
        ("Cannot write the settings file %1", "无法写入设置文件 %1",
         "Die Einstellungsdatei %1 kann nicht geschrieben werden"),
        ("Cannot replace the settings file %1: %2", "无法替换设置文件 %1：%2",
         "Die Einstellungsdatei %1 kann nicht ersetzt werden: %2"),
    ],
    UI + "ControlNetPanel": [
        # ControlNet (issue 16). Terms as sd-webui-controlnet's localisations.
        ("Gesso's preprocessors need no model of their own. For depth, pose or segmentation, bring a map made "
         "elsewhere and choose the preprocessor \"none\".",
         "Gesso 的预处理器无需额外模型。深度、姿态或语义分割请使用在别处生成的图，并选择预处理器“none”。",
         "Die Präprozessoren von Gesso brauchen kein eigenes Modell. Für Tiefe, Pose oder Segmentierung bringen Sie "
         "eine anderswo erstellte Karte mit und wählen den Präprozessor „none“."),
        ("Add unit", "添加单元", "Einheit hinzufügen"),
        ("Another ControlNet: the controls of all enabled units add up",
         "再添加一个 ControlNet：所有已启用单元的控制效果叠加",
         "Ein weiteres ControlNet: Die Steuerungen aller aktivierten Einheiten addieren sich"),
        ("ControlNet unit %1 is enabled but has no model: choose one (the models folder's ControlNet folder) or "
         "disable the unit.",
         "ControlNet 单元 %1 已启用但没有模型：请选择一个模型（模型文件夹的 ControlNet 子文件夹），或停用该单元。",
         "Die ControlNet-Einheit %1 ist aktiviert, hat aber kein Modell: Wählen Sie eines (der Ordner ControlNet "
         "des Modellordners) oder deaktivieren Sie die Einheit."),
        ("ControlNet unit %1 has no image: open or drop one (in text to image there is no source image to use).",
         "ControlNet 单元 %1 没有图像：请打开或拖入一张（文生图没有可用的源图像）。",
         "Die ControlNet-Einheit %1 hat kein Bild: Öffnen Sie eines oder ziehen Sie eines hierher (bei Text zu Bild "
         "gibt es kein Quellbild)."),
    ],
    UI + "ControlNetUnitWidget": [
        ("Open control image", "打开控制图像", "Steuerbild öffnen"),
        ("Images (*.png *.jpg *.jpeg *.webp *.bmp)", "图像 (*.png *.jpg *.jpeg *.webp *.bmp)",
         "Bilder (*.png *.jpg *.jpeg *.webp *.bmp)"),
        ("Show or hide this unit's settings", "显示或隐藏此单元的设置", "Die Einstellungen dieser Einheit ein- oder ausblenden"),
        ("Enable", "启用", "Aktivieren"),
        ("Only enabled units take part in a generation", "只有已启用的单元参与生成",
         "Nur aktivierte Einheiten wirken bei einer Generierung mit"),
        ("Remove", "移除", "Entfernen"),
        ("Remove this unit", "移除此单元", "Diese Einheit entfernen"),
        ("The control image: open one or drop one here. Without one, image to image and inpaint use the source "
         "image.",
         "控制图像：打开一张或拖到此处。没有控制图像时，图生图和局部重绘使用源图像。",
         "Das Steuerbild: Öffnen Sie eines oder ziehen Sie es hierher. Ohne eines verwenden Bild zu Bild und "
         "Inpainting das Quellbild."),
        ("Open…", "打开…", "Öffnen…"),
        ("Open a control image (a picture to preprocess, or a map made already)",
         "打开控制图像（待预处理的图片，或已生成的图）",
         "Ein Steuerbild öffnen (ein Bild zum Vorverarbeiten oder eine fertige Karte)"),
        ("Clear", "清除", "Leeren"),
        ("Remove the control image: the source image is used instead (image to image, inpaint)",
         "移除控制图像：改用源图像（图生图、局部重绘）",
         "Das Steuerbild entfernen: Stattdessen wird das Quellbild verwendet (Bild zu Bild, Inpainting)"),
        ("What the preprocessor makes of the image: the control the model sees",
         "预处理器对图像的处理结果：即模型看到的控制图",
         "Was der Präprozessor aus dem Bild macht: die Steuerung, die das Modell sieht"),
        ("What turns the image into the control image; \"none\" takes the image as the control image already",
         "将图像转换为控制图的处理方式；“none”表示图像本身即为控制图",
         "Was das Bild in das Steuerbild verwandelt; „none“ nimmt das Bild bereits als Steuerbild"),
        ("Preprocessor", "预处理器", "Präprozessor"),
        ("The size of the image's short side the preprocessor works at; its result is scaled back to the image's "
         "size",
         "预处理器处理时图像短边的尺寸；其结果会缩放回图像原尺寸",
         "Die Größe der kurzen Bildseite, mit der der Präprozessor arbeitet; sein Ergebnis wird auf die Bildgröße "
         "zurückskaliert"),
        ("Preprocessor resolution", "预处理器分辨率", "Präprozessor-Auflösung"),
        ("The ControlNet model: the models folder's ControlNet folder (files and diffusers folders), of the same "
         "family as the checkpoint",
         "ControlNet 模型：模型文件夹的 ControlNet 子文件夹中的文件和 diffusers 文件夹，须与 checkpoint 属于同一系列",
         "Das ControlNet-Modell: der Ordner ControlNet des Modellordners (Dateien und diffusers-Ordner), aus derselben "
         "Familie wie der Checkpoint"),
        ("Model", "模型", "Modell"),
        ("How strongly the control steers the image (sd-webui-controlnet's Control Weight)",
         "控制对图像的影响强度（即 sd-webui-controlnet 的 Control Weight）",
         "Wie stark die Steuerung das Bild lenkt („Control Weight“ in sd-webui-controlnet)"),
        ("Control weight", "控制权重", "Steuerungsgewicht"),
        ("The fraction of the steps after which the control starts to apply", "控制开始生效时已完成步数的比例",
         "Der Anteil der Schritte, nach dem die Steuerung zu wirken beginnt"),
        ("The fraction of the steps after which the control stops applying", "控制停止生效时已完成步数的比例",
         "Der Anteil der Schritte, nach dem die Steuerung zu wirken aufhört"),
        ("Starting control step", "引导介入时机", "Steuerung beginnt bei"),
        ("Ending control step", "引导终止时机", "Steuerung endet bei"),
        ("The control and the prompt weigh as usual", "控制与提示词按常规权衡",
         "Steuerung und Prompt wiegen wie üblich"),
        ("The control fades through the model's depth: the prompt matters more",
         "控制随模型深度逐渐减弱：提示词更重要",
         "Die Steuerung klingt mit der Tiefe des Modells ab: Der Prompt zählt mehr"),
        ("The control fades through the model's depth and applies to the prompt's half of the guidance only: the "
         "control matters more",
         "控制随模型深度逐渐减弱，且只作用于引导中提示词的那一半：控制更重要",
         "Die Steuerung klingt mit der Tiefe des Modells ab und wirkt nur auf die Prompt-Hälfte der Führung: Die "
         "Steuerung zählt mehr"),
        ("Balanced", "均衡", "Ausgewogen"),
        ("My prompt is more important", "更偏向提示词", "Mein Prompt ist wichtiger"),
        ("ControlNet is more important", "更偏向 ControlNet", "ControlNet ist wichtiger"),
        ("How the control weighs against the prompt", "控制与提示词之间的权衡方式",
         "Wie die Steuerung gegenüber dem Prompt gewichtet wird"),
        ("Control mode", "控制模式", "Steuerungsmodus"),
        ("Just Resize", "仅调整大小", "Nur skalieren"),
        ("The control image is stretched to the output's size", "控制图像被拉伸到输出尺寸",
         "Das Steuerbild wird auf die Ausgabegröße gestreckt"),
        ("Crop and Resize", "裁剪后缩放", "Zuschneiden und skalieren"),
        ("The control image is scaled to cover the output and centre-cropped", "控制图像缩放至覆盖输出，再居中裁剪",
         "Das Steuerbild wird so skaliert, dass es die Ausgabe bedeckt, und mittig zugeschnitten"),
        ("Resize and Fill", "缩放后填充空白", "Skalieren und auffüllen"),
        ("The control image is scaled to fit inside the output and its border filled",
         "控制图像缩放至完全置于输出之内，并填充四周空白",
         "Das Steuerbild wird so skaliert, dass es in die Ausgabe passt, und der Rand wird aufgefüllt"),
        ("How a control image of another shape reaches the output's size", "形状不同的控制图像如何适配输出尺寸",
         "Wie ein Steuerbild anderer Form auf die Ausgabegröße gebracht wird"),
        ("Resize mode", "缩放模式", "Größenanpassung"),
        ("Guess mode", "猜测模式", "Guess-Modus"),
        ("The control works without the prompt's help (on the prompt's half of the guidance only, growing with "
         "depth): for an empty or vague prompt",
         "控制在没有提示词帮助的情况下生效（只作用于引导中提示词的那一半，随深度增强）：适用于空白或模糊的提示词",
         "Die Steuerung wirkt ohne Hilfe des Prompts (nur auf die Prompt-Hälfte der Führung, mit der Tiefe "
         "zunehmend): für einen leeren oder vagen Prompt"),
        ("Unit %1", "单元 %1", "Einheit %1"),
        ("%1 is not an image Gesso can read.", "%1 不是 Gesso 能读取的图像。", "%1 ist kein Bild, das Gesso lesen kann."),
        ("No image: the source image is used", "无图像：使用源图像", "Kein Bild: Das Quellbild wird verwendet"),
        ("Drop an image here or open one", "将图像拖到此处或打开一张", "Ziehen Sie ein Bild hierher oder öffnen Sie eines"),
        ("None", "无", "Keins"),
        ("No model chosen: put ControlNet models into the models folder's ControlNet folder",
         "未选择模型：请将 ControlNet 模型放入模型文件夹的 ControlNet 子文件夹",
         "Kein Modell gewählt: Legen Sie ControlNet-Modelle in den Ordner ControlNet des Modellordners"),
        # A slider's range.
        ("%1 to %2", "%1 至 %2", "%1 bis %2"),
        ("no model", "无模型", "kein Modell"),
        ("The preprocessor failed.", "预处理器出错。", "Der Präprozessor ist fehlgeschlagen."),
        ("Preview", "预览", "Vorschau"),
        ("The preprocessor failed: %1", "预处理器出错：%1", "Der Präprozessor ist fehlgeschlagen: %1"),
        ("Open a source image, or give this unit an image of its own.", "请打开源图像，或为此单元指定单独的图像。",
         "Öffnen Sie ein Quellbild oder geben Sie dieser Einheit ein eigenes Bild."),
        ("Text to image needs a control image: open one or drop one here.", "文生图需要控制图像：请打开一张或拖到此处。",
         "Text zu Bild braucht ein Steuerbild: Öffnen Sie eines oder ziehen Sie eines hierher."),
    ],
    UI + "EngineWorker": [
        ("Out of main memory: lower the size or the batch, or close other programs",
         "内存不足：请减小尺寸或单批数量，或关闭其他程序",
         "Arbeitsspeicher erschöpft: Verringern Sie die Größe oder den Batch, oder schließen Sie andere Programme"),
        ("Generation failed with an unknown error", "生成失败：未知错误",
         "Die Generierung ist mit einem unbekannten Fehler fehlgeschlagen"),
    ],
    UI + "GenerationPanel": [
        # The prompt syntax and the LoRA picker (issue 15).
        ("Plain prompts", "纯文本提示词", "Einfache Prompts"),
        ("Read the prompts as diffusers does: brackets are text, and only the first 75 tokens count. Off: "
         "AUTOMATIC1111's syntax — (word:1.2) emphasis, [from:to:when] edits, [a|b] alternation, BREAK, "
         "<lora:name:weight>, embeddings by name, prompts of any length in chunks of 75 tokens.",
         "按 diffusers 的方式读取提示词：括号即普通文本，只计前 75 个 token。关闭时使用 AUTOMATIC1111 的语法——"
         "(word:1.2) 强调、[from:to:when] 提示词编辑、[a|b] 交替、BREAK、<lora:name:weight>、按名称使用 embedding，"
         "提示词可任意长，按每 75 个 token 分块。",
         "Die Prompts lesen, wie diffusers es tut: Klammern sind Text, und nur die ersten 75 Tokens zählen. Aus: "
         "die Syntax von AUTOMATIC1111 — (Wort:1.2) Betonung, [von:zu:wann] Bearbeitungen, [a|b] Wechsel, BREAK, "
         "<lora:name:weight>, Embeddings über ihren Namen, Prompts beliebiger Länge in Blöcken zu 75 Tokens."),
        ("LoRA", "LoRA", "LoRA"),
        ("Add a LoRA from the library's Lora folder to the prompt", "从模型库的 Lora 文件夹向提示词添加一个 LoRA",
         "Eine LoRA aus dem Lora-Ordner der Bibliothek zum Prompt hinzufügen"),
        ("Tokens in this prompt, and the chunks of %1 the text encoder reads it in (AUTOMATIC1111's count: a chunk "
         "ends early at a comma or BREAK).",
         "此提示词的 token 数，以及文本编码器读取时按每 %1 个 token 划分的块数（AUTOMATIC1111 的计数方式：块会在逗号或 "
         "BREAK 处提前结束）。",
         "Tokens in diesem Prompt und die Blöcke zu %1, in denen der Text-Encoder ihn liest (Zählung von "
         "AUTOMATIC1111: Ein Block endet früher an einem Komma oder BREAK)."),
        ("Not in the library's Lora folder: %1", "不在模型库的 Lora 文件夹中：%1",
         "Nicht im Lora-Ordner der Bibliothek: %1"),
        ("%1 — %2", "%1 — %2", "%1 — %2"),
        ("No LoRA in the library's Lora folder", "模型库的 Lora 文件夹中没有 LoRA", "Keine LoRA im Lora-Ordner der Bibliothek"),
        # The model library in the form (issue 14).
        ("Search models", "搜索模型", "Modelle suchen"),
        ("Show the models whose name or kind holds every word typed (\"xl inpainting\"); Return opens the list",
         "只显示名称或类型包含所输入全部词语的模型（如“xl inpainting”）；按回车键打开列表",
         "Zeigt die Modelle, deren Name oder Art jedes eingegebene Wort enthält („xl inpainting“); die "
         "Eingabetaste öffnet die Liste"),
        ("Scan the models folder again", "重新扫描模型文件夹", "Den Modellordner erneut durchsuchen"),
        ("Rescan models", "重新扫描模型", "Modelle neu einlesen"),
        ("The model to generate with: a checkpoint or a diffusers folder of the library, or a folder added by hand",
         "用于生成的模型：模型库中的 checkpoint 或 diffusers 文件夹，或手动添加的文件夹",
         "Das Modell, mit dem generiert wird: ein Checkpoint oder diffusers-Ordner der Bibliothek oder ein von Hand "
         "hinzugefügter Ordner"),
        ("A VAE of the library's VAE folder to decode with instead of the model's own (AUTOMATIC1111's \"SD VAE\")",
         "用模型库 VAE 文件夹中的 VAE 代替模型自带的 VAE 进行解码（即 AUTOMATIC1111 的“SD VAE”）",
         "Ein VAE aus dem VAE-Ordner der Bibliothek, der statt des eigenen VAE des Modells dekodiert "
         "(„SD VAE“ in AUTOMATIC1111)"),
        ("VAE", "VAE", "VAE"),
        ("Automatic", "自动", "Automatisch"),
        ("The model's own VAE", "模型自带的 VAE", "Der eigene VAE des Modells"),
        # A size preset: width × height.
        ("%1 × %2", "%1 × %2", "%1 × %2"),
        ("The sizes %1 models were trained at: the square first, then each wider shape and its taller twin",
         "%1 模型训练时使用的尺寸：先是正方形，然后是各个横版尺寸及其对应的竖版尺寸",
         "Die Größen, mit denen %1-Modelle trainiert wurden: zuerst das Quadrat, dann jedes breitere Format und "
         "sein hohes Gegenstück"),
        ("Model default", "模型默认", "Standard des Modells"),
        ("Model default (%1)", "模型默认（%1）", "Standard des Modells (%1)"),
        ("The sampler the model folder names (its scheduler_config.json), with its settings",
         "模型文件夹指定的采样器（其 scheduler_config.json），并使用其设置",
         "Der Sampler, den der Modellordner nennt (seine scheduler_config.json), mit dessen Einstellungen"),
        ("Refiner", "精炼模型", "Refiner"),
        ("None", "无", "Keiner"),
        ("Switch at", "切换时机", "Wechsel bei"),
        ("Where the refiner takes over, as a fraction of the denoising: 0.8 leaves it the last fifth "
         "(AUTOMATIC1111's \"Refiner switch at\")",
         "精炼模型接手的时机，以去噪进度的比例表示：0.8 表示由它完成最后五分之一（即 AUTOMATIC1111 的“Refiner switch at”）",
         "Wo der Refiner übernimmt, als Anteil der Entrauschung: 0.8 überlässt ihm das letzte Fünftel "
         "(„Refiner switch at“ in AUTOMATIC1111)"),
        ("An SDXL refiner finishes the image: the base model denoises up to the switch point, the refiner does "
         "the rest",
         "SDXL 精炼模型负责完成图像：基础模型去噪到切换点，其余部分由精炼模型完成",
         "Ein SDXL-Refiner vollendet das Bild: Das Basismodell entrauscht bis zum Wechselpunkt, der Refiner "
         "erledigt den Rest"),
        ("A refiner follows an SDXL base model, in text to image or image to image",
         "精炼模型只能接在 SDXL 基础模型之后，用于文生图或图生图",
         "Ein Refiner folgt auf ein SDXL-Basismodell, bei Text zu Bild oder Bild zu Bild"),
        ("Text to image", "文生图", "Text zu Bild"),
        ("Image to image", "图生图", "Bild zu Bild"),
        ("Inpaint", "局部重绘", "Inpainting"),
        ("Choose a model folder (with model_index.json)", "选择模型文件夹（包含 model_index.json）",
         "Modellordner wählen (mit model_index.json)"),
        ("Prompt", "提示词", "Prompt"),
        ("Negative prompt", "反向提示词", "Negativ-Prompt"),
        ("Seed", "种子", "Seed"),
        ("Size", "尺寸", "Größe"),
        ("The seed of the noise the image starts from: the same seed and settings give the same image. "
         "Type -1 for a new random seed each time.",
         "图像起始噪声的种子：相同的种子和设置会得到相同的图像。输入 -1 则每次使用新的随机种子。",
         "Der Seed des Rauschens, von dem das Bild ausgeht: Gleicher Seed und gleiche Einstellungen ergeben "
         "dasselbe Bild. Geben Sie -1 ein, um jedes Mal einen neuen zufälligen Seed zu verwenden."),
        ("Random", "随机", "Zufällig"),
        ("Draw a new seed for every generation", "每次生成都使用新的随机种子", "Bei jeder Generierung einen neuen Seed ziehen"),
        ("Pick a new random seed and keep it", "抽取一个新的随机种子并固定使用",
         "Einen neuen zufälligen Seed ziehen und beibehalten"),
        ("New random seed", "新的随机种子", "Neuer zufälliger Seed"),
        ("Reuse the seed of the last image", "重用上一张图像的种子", "Seed des letzten Bildes wiederverwenden"),
        ("Reuse last seed", "重用上次的种子", "Letzten Seed wiederverwenden"),
        ("Custom", "自定义", "Benutzerdefiniert"),
        (" px", " 像素", " px"),
        ("The models work in blocks of 8 pixels: other values are rounded to a multiple of 8",
         "模型以 8 像素为单位处理图像：其他数值会被取整为 8 的倍数",
         "Die Modelle arbeiten in Blöcken von 8 Pixeln: Andere Werte werden auf ein Vielfaches von 8 gerundet"),
        ("Swap width and height", "交换宽度和高度", "Breite und Höhe tauschen"),
        ("Model", "模型", "Modell"),
        ("Mode", "模式", "Modus"),
        ("Denoising steps: more take longer and add detail, up to a point",
         "去噪步数：步数越多耗时越长，细节也越多（到一定程度为止）",
         "Entrauschungsschritte: Mehr dauern länger und bringen bis zu einem gewissen Punkt mehr Details"),
        ("Steps", "步数", "Schritte"),
        ("How closely the image follows the prompt (CFG scale); 5 to 9 is usual",
         "图像遵循提示词的程度（CFG）；通常取 5 到 9",
         "Wie genau das Bild dem Prompt folgt (CFG-Skala); üblich sind 5 bis 9"),
        ("Guidance scale", "提示词引导系数", "CFG-Skala"),
        ("Sampler", "采样器", "Sampler"),
        ("How many runs, one after the other", "依次运行的次数", "Wie viele Durchläufe nacheinander"),
        ("Batch count", "总批次数", "Batch-Anzahl"),
        ("Images made together in one run: faster per image, more memory",
         "一次运行中同时生成的图像数：每张更快，但占用更多显存",
         "Bilder, die in einem Durchlauf gemeinsam entstehen: schneller pro Bild, mehr Speicher"),
        ("Batch size", "单批数量", "Batch-Größe"),
        ("How much of the image is repainted: low keeps it close to the original, 1 starts from pure noise",
         "图像被重绘的程度：数值低则贴近原图，为 1 时从纯噪声开始",
         "Wie stark das Bild neu gemalt wird: Niedrige Werte bleiben nah am Original, 1 beginnt mit reinem Rauschen"),
        ("Denoising strength", "重绘幅度", "Entrauschungsstärke"),
        ("Generate", "生成", "Generieren"),
        ("Generate (Ctrl+Return)", "生成（Ctrl+Return）", "Generieren (Strg+Eingabe)"),
        ("Cancel", "取消", "Abbrechen"),
        ("Stop the run after the current step (Esc)", "在当前步完成后停止运行（Esc）",
         "Den Durchlauf nach dem aktuellen Schritt anhalten (Esc)"),
        ("The model reads the first %1 tokens; the engine cuts the rest of this prompt.",
         "模型只读取前 %1 个词元（token）；此提示词的其余部分会被引擎截断。",
         "Das Modell liest die ersten %1 Token; den Rest dieses Prompts schneidet die Engine ab."),
        ("Tokens in this prompt; the model reads up to %1.", "此提示词的词元（token）数；模型最多读取 %1 个。",
         "Token in diesem Prompt; das Modell liest bis zu %1."),
        ("Estimated: no tokenizer is loaded yet.", "估算值：尚未加载分词器。", "Geschätzt: Es ist noch kein Tokenizer geladen."),
        ("%1/%2", "%1/%2", "%1/%2"),
        ("%1 × %2: %3 tokens", "%1 × %2：%3 个词元", "%1 × %2: %3 Token"),
        ("Reuse the seed of the last image (%1)", "重用上一张图像的种子（%1）", "Seed des letzten Bildes wiederverwenden (%1)"),
        ("Add folder…", "添加文件夹…", "Ordner hinzufügen…"),
        ("DeepFloyd IF", "DeepFloyd IF", "DeepFloyd IF"),
    ],
    UI + "HistoryPanel": [
        ("View full size", "查看原始尺寸", "In voller Größe anzeigen"),
        ("Copy parameters", "复制参数", "Parameter kopieren"),
        ("Reuse parameters", "重用参数", "Parameter übernehmen"),
        ("Send to image to image", "发送到图生图", "An Bild zu Bild senden"),
        ("Send to inpaint", "发送到局部重绘", "An Inpainting senden"),
        ("Save as…", "另存为…", "Speichern unter…"),
        ("Delete…", "删除…", "Löschen…"),
        ("Delete result", "删除结果", "Ergebnis löschen"),
        ("Remove this result from the history and delete its image file?", "要从历史记录中移除此结果并删除其图像文件吗？",
         "Dieses Ergebnis aus dem Verlauf entfernen und seine Bilddatei löschen?"),
        ("Cannot read %1: the file was moved or deleted.", "无法读取 %1：文件已被移动或删除。",
         "%1 kann nicht gelesen werden: Die Datei wurde verschoben oder gelöscht."),
        ("Save image as", "图像另存为", "Bild speichern unter"),
        # A file dialog filter: the patterns stay in ASCII parentheses.
        ("PNG images (*.png)", "PNG 图像 (*.png)", "PNG-Bilder (*.png)"),
        ("Cannot read %1.", "无法读取 %1。", "%1 kann nicht gelesen werden."),
        ("Upscale x4…", "放大 x4…", "x4 hochskalieren…"),
    ],
    UI + "ImageView": [
        ("Open a model folder to start.", "打开一个模型文件夹即可开始。", "Öffnen Sie einen Modellordner, um zu beginnen."),
        ("Upscale x4…", "放大 x4…", "x4 hochskalieren…"),
    ],
    UI + "InpaintPanel": [
        (" px", " 像素", " px"),
        ("Softens the mask's edge by this many pixels, so that the seam where the result is pasted back onto the "
         "original blends in. 0 gives a hard edge.",
         "按此像素数柔化蒙版边缘，使结果贴回原图处的接缝自然融合。0 表示硬边缘。",
         "Macht den Maskenrand um so viele Pixel weich, damit die Naht, an der das Ergebnis wieder ins Original "
         "eingesetzt wird, nicht auffällt. 0 ergibt eine harte Kante."),
        ("Mask blur", "蒙版边缘模糊度", "Maskenunschärfe"),
        ("Whole picture", "整张图片", "Ganzes Bild"),
        ("The model repaints the masked area seeing the whole image, at the generation size",
         "模型参考整张图像，以生成尺寸重绘蒙版区域",
         "Das Modell malt den maskierten Bereich mit Blick auf das ganze Bild neu, in der Generierungsgröße"),
        ("Only masked", "仅蒙版区域", "Nur maskiert"),
        ("The area around the mask is cut out, repainted at the full generation size and scaled back: more detail "
         "for small areas, less context",
         "裁出蒙版周围的区域，以完整生成尺寸重绘后再缩放回原处：小区域细节更多，但参考的上下文更少",
         "Der Bereich um die Maske wird ausgeschnitten, in voller Generierungsgröße neu gemalt und zurückskaliert: "
         "mehr Details für kleine Bereiche, weniger Kontext"),
        ("Repaint seeing the whole picture, or only a crop around the mask at full resolution",
         "参考整张图片重绘，或仅以全分辨率重绘蒙版周围的裁切区域",
         "Mit Blick auf das ganze Bild neu malen oder nur einen Ausschnitt um die Maske in voller Auflösung"),
        ("Inpaint area", "重绘区域", "Inpainting-Bereich"),
        ("With \"Only masked\": the pixels of context kept around the mask's bounding box, so that the repainted "
         "part matches its surroundings",
         "用于“仅蒙版区域”：在蒙版外接矩形周围保留的上下文像素，使重绘部分与周围相协调",
         "Bei „Nur maskiert“: so viele Pixel Kontext bleiben um das umschließende Rechteck der Maske erhalten, "
         "damit der neu gemalte Teil zu seiner Umgebung passt"),
        ("Only masked padding", "仅蒙版区域边缘预留", "Rand bei „Nur maskiert“"),
        ("Original", "原图", "Original"),
        ("Start from the original pixels under the mask: keeps their colours and shapes",
         "从蒙版下的原始像素开始：保留其颜色和形状",
         "Beginnt mit den ursprünglichen Pixeln unter der Maske: behält deren Farben und Formen"),
        ("Fill", "填充", "Füllen"),
        ("Start from the surrounding colours spread over the mask: to remove an object",
         "从铺满蒙版的周边颜色开始：适合移除物体",
         "Beginnt mit den umgebenden Farben, über die Maske verteilt: zum Entfernen eines Objekts"),
        ("Latent noise", "潜空间噪声", "Latentes Rauschen"),
        ("Start from pure noise under the mask: anything can appear (use a strength near 1)",
         "从蒙版下的纯噪声开始：可能出现任何内容（请使用接近 1 的重绘幅度）",
         "Beginnt mit reinem Rauschen unter der Maske: Alles kann entstehen (Stärke nahe 1 verwenden)"),
        ("Latent nothing", "空白潜空间", "Latent leer"),
        ("Start from an empty latent under the mask: flat, for a strength near 1",
         "从蒙版下的空白潜空间开始：画面平淡，适合接近 1 的重绘幅度",
         "Beginnt mit einem leeren Latent unter der Maske: flach, für eine Stärke nahe 1"),
        ("What the masked area starts from before it is repainted", "蒙版区域在重绘之前的初始内容",
         "Womit der maskierte Bereich beginnt, bevor er neu gemalt wird"),
        ("Masked content", "蒙版区域内容", "Maskierter Inhalt"),
    ],
    UI + "MainWindow": [
        ("ControlNet", "ControlNet", "ControlNet"),
        ("&Model library…", "模型库(&M)…", "&Modellbibliothek…"),
        ("&Rescan models", "重新扫描模型(&R)", "Modelle neu &einlesen"),
        ("Scanning the models folder…", "正在扫描模型文件夹…", "Der Modellordner wird durchsucht…"),
        ("Put a checkpoint into the models folder's Stable-diffusion folder (Settings > Model library), or add a "
         "diffusers model folder, to start.",
         "将 checkpoint 放入模型文件夹的 Stable-diffusion 子文件夹（设置 > 模型库），或添加一个 diffusers 模型文件夹，即可开始。",
         "Legen Sie einen Checkpoint in den Ordner Stable-diffusion des Modellordners (Einstellungen > "
         "Modellbibliothek) oder fügen Sie einen diffusers-Modellordner hinzu, um zu beginnen."),
        ("Gesso", "Gesso", "Gesso"),
        ("LibTorch %1 · %2", "LibTorch %1 · %2", "LibTorch %1 · %2"),
        ("The history is unavailable: %1", "历史记录不可用：%1", "Der Verlauf ist nicht verfügbar: %1"),
        ("Result", "结果", "Ergebnis"),
        ("Source image and mask", "源图像和蒙版", "Quellbild und Maske"),
        ("Generate", "生成", "Generieren"),
        ("Speed and memory", "速度与显存", "Geschwindigkeit und Speicher"),
        ("History", "历史记录", "Verlauf"),
        ("&File", "文件(&F)", "&Datei"),
        ("&Open source image…", "打开源图像(&O)…", "Quellbild ö&ffnen…"),
        ("Open image", "打开图像", "Bild öffnen"),
        ("Images (*.png *.jpg *.jpeg *.webp *.bmp)", "图像 (*.png *.jpg *.jpeg *.webp *.bmp)",
         "Bilder (*.png *.jpg *.jpeg *.webp *.bmp)"),
        ("&Restore parameters from PNG…", "从 PNG 恢复参数(&R)…", "Parameter aus PNG &wiederherstellen…"),
        ("Restore parameters", "恢复参数", "Parameter wiederherstellen"),
        ("PNG images (*.png)", "PNG 图像 (*.png)", "PNG-Bilder (*.png)"),
        ("Send result to &image to image", "将结果发送到图生图(&I)", "Ergebnis an Bild zu Bild &senden"),
        ("Send result to i&npaint", "将结果发送到局部重绘(&N)", "Ergebnis an &Inpainting senden"),
        ("&Output folder…", "输出文件夹(&O)…", "&Ausgabeordner…"),
        ("&Quit", "退出(&Q)", "&Beenden"),
        ("&Settings", "设置(&S)", "&Einstellungen"),
        ("&Language", "语言(&L)", "&Sprache"),
        ("System language", "系统语言", "Systemsprache"),
        ("&Preview every N steps…", "每 N 步预览(&P)…", "&Vorschau alle N Schritte…"),
        ("Step previews", "步骤预览", "Schrittvorschau"),
        ("Show a preview every N steps (0: none; each costs a little speed):",
         "每 N 步显示一次预览（0：不显示；每次预览都会略微降低速度）：",
         "Alle N Schritte eine Vorschau zeigen (0: keine; jede kostet etwas Geschwindigkeit):"),
        ("&Help", "帮助(&H)", "&Hilfe"),
        ("&About Gesso", "关于 Gesso(&A)", "Ü&ber Gesso"),
        ("Settings not saved: %1", "设置未保存：%1", "Einstellungen nicht gespeichert: %1"),
        ("Add a model folder (a diffusers Stable Diffusion folder) to start.",
         "添加一个模型文件夹（diffusers 格式的 Stable Diffusion 文件夹）即可开始。",
         "Fügen Sie einen Modellordner hinzu (einen Stable-Diffusion-Ordner im diffusers-Format), um zu beginnen."),
        ("Type a prompt and press Generate (Ctrl+Enter).", "输入提示词并点击“生成”（Ctrl+Enter）。",
         "Geben Sie einen Prompt ein und klicken Sie auf „Generieren“ (Strg+Eingabe)."),
        ("Choose a model folder first (the model list, \"Add folder…\").",
         "请先选择模型文件夹（模型列表中的“添加文件夹…”）。",
         "Wählen Sie zuerst einen Modellordner (in der Modellliste „Ordner hinzufügen…“)."),
        ("Open a source image first (File > Open source image, or drop one).",
         "请先打开源图像（文件 > 打开源图像，或将图像拖放到窗口中）。",
         "Öffnen Sie zuerst ein Quellbild (Datei > Quellbild öffnen, oder ziehen Sie eines ins Fenster)."),
        ("Paint the area to repaint on the source image first.", "请先在源图像上涂出要重绘的区域。",
         "Malen Sie zuerst den neu zu malenden Bereich auf das Quellbild."),
        ("Cancelling…", "正在取消…", "Wird abgebrochen…"),
        ("%n image(s) in %1 s", ["%n 张图像，用时 %1 秒"], ["%n Bild in %1 s", "%n Bilder in %1 s"]),
        ("Saved %1", "已保存 %1", "%1 gespeichert"),
        ("Failed", "失败", "Fehlgeschlagen"),
        ("Cancelled", "已取消", "Abgebrochen"),
        ("%1 is not an image Gesso can read.", "%1 不是 Gesso 能读取的图像。", "%1 ist kein Bild, das Gesso lesen kann."),
        ("Parameters restored from %1", "已从 %1 恢复参数", "Parameter aus %1 wiederhergestellt"),
        ("Output folder", "输出文件夹", "Ausgabeordner"),
        ("The language changes the next time Gesso starts.", "语言将在下次启动 Gesso 时生效。",
         "Die Sprache wechselt beim nächsten Start von Gesso."),
        ("About Gesso", "关于 Gesso", "Über Gesso"),
        ("&Upscale result x4…", "将结果放大 x4(&U)…", "Ergebnis x4 &hochskalieren…"),
        ("Choose the DeepFloyd IF stages under the prompt, type a prompt and press Generate (Ctrl+Enter).",
         "在提示词下方选择 DeepFloyd IF 的各阶段模型，输入提示词并点击“生成”（Ctrl+Enter）。",
         "Wählen Sie die DeepFloyd-IF-Stufen unter dem Prompt, geben Sie einen Prompt ein und klicken Sie auf "
         "„Generieren“ (Strg+Eingabe)."),
        ("There is no image to upscale: generate one, or pick one in the history.",
         "没有可放大的图像：请先生成一张，或在历史记录中选择一张。",
         "Es gibt kein Bild zum Hochskalieren: Generieren Sie eines oder wählen Sie eines im Verlauf."),
        ("Wait for the run to finish (or cancel it), then upscale.",
         "请等待当前运行结束（或将其取消）后再放大。",
         "Warten Sie, bis der Lauf beendet ist (oder brechen Sie ihn ab), und skalieren Sie dann hoch."),
        ("The model library is still being scanned: try again in a moment.",
         "模型库仍在扫描中：请稍后再试。",
         "Die Modellbibliothek wird noch durchsucht: Versuchen Sie es gleich noch einmal."),
        ("No x4 upscaler in the model library. Download stabilityai/stable-diffusion-x4-upscaler (its diffusers "
         "folder, with model_index.json) into %1, or add its folder under Settings > Model library, then rescan.",
         "模型库中没有 x4 放大模型。请将 stabilityai/stable-diffusion-x4-upscaler（其 diffusers 文件夹，包含 model_index.json）下载到 "
         "%1，或在“设置 > 模型库”中添加其文件夹，然后重新扫描。",
         "Die Modellbibliothek hat keinen x4-Upscaler. Laden Sie stabilityai/stable-diffusion-x4-upscaler (den "
         "diffusers-Ordner, mit model_index.json) nach %1 herunter oder fügen Sie seinen Ordner unter "
         "Einstellungen > Modellbibliothek hinzu, und lesen Sie die Modelle dann neu ein."),
        ("Stage I", "阶段 I", "Stufe I"),
        ("Stage II", "阶段 II", "Stufe II"),
        ("Stage III", "阶段 III", "Stufe III"),
    ],
    # Undo step names: they also appear in the mask tools' "Undo %1" / "Redo %1" tooltips.
    UI + "MaskCanvas": [
        ("Load mask", "加载蒙版", "Maske laden"),
        ("Fill mask", "填充蒙版", "Maske füllen"),
        ("Clear mask", "清除蒙版", "Maske leeren"),
        ("Invert mask", "反转蒙版", "Maske umkehren"),
        ("Paint mask", "绘制蒙版", "Maske malen"),
        ("Erase mask", "擦除蒙版", "Maske radieren"),
        ("No image", "无图像", "Kein Bild"),
    ],
    UI + "MaskToolsBar": [
        ("Mask tools", "蒙版工具", "Maskenwerkzeuge"),
        ("Brush", "画笔", "Pinsel"),
        ("Paint the area to repaint (B; right drag paints with the eraser)",
         "涂出要重绘的区域（B；按住右键拖动则用橡皮擦）",
         "Den neu zu malenden Bereich malen (B; Ziehen mit der rechten Maustaste radiert)"),
        ("Eraser", "橡皮擦", "Radierer"),
        ("Erase the mask (E; X swaps brush and eraser)", "擦除蒙版（E；X 在画笔和橡皮擦之间切换）",
         "Die Maske radieren (E; X wechselt zwischen Pinsel und Radierer)"),
        ("Size", "大小", "Größe"),
        ("Brush diameter in image pixels ([ and ], or Shift+wheel)", "画笔直径，单位为图像像素（[ 和 ]，或 Shift+滚轮）",
         "Pinseldurchmesser in Bildpixeln ([ und ] oder Umschalt+Mausrad)"),
        (" px", " 像素", " px"),
        ("Hardness", "硬度", "Härte"),
        ("100% paints a hard-edged disc; lower values fade towards the rim", "100% 绘制边缘清晰的圆点；数值越低，边缘越柔和",
         "100 % malt eine hartkantige Scheibe; niedrigere Werte laufen zum Rand hin aus"),
        ("%", "%", " %"),
        ("Fill", "填充", "Füllen"),
        ("Mark the whole image for repainting", "将整张图像标记为重绘区域", "Das ganze Bild zum Neumalen markieren"),
        ("Clear", "清除", "Leeren"),
        ("Keep the whole image", "保留整张图像", "Das ganze Bild behalten"),
        ("Invert", "反转", "Umkehren"),
        ("Swap the repainted and the kept areas", "互换重绘区域与保留区域", "Neu gemalte und behaltene Bereiche tauschen"),
        ("Undo", "撤销", "Rückgängig"),
        ("Redo", "重做", "Wiederholen"),
        ("Undo %1", "撤销“%1”", "Rückgängig: %1"),
        ("Redo %1", "重做“%1”", "Wiederholen: %1"),
        ("Fit", "适应窗口", "Einpassen"),
        ("Show the whole image (Home; the wheel zooms around the pointer)", "显示整张图像（Home；滚轮以指针为中心缩放）",
         "Das ganze Bild zeigen (Pos1; das Mausrad zoomt um den Mauszeiger)"),
    ],
    # Measured numbers stay in the C locale's notation, like the ones the panel fills in at run time.
    UI + "ModelHashCache": [
        ("Cannot read the model hash cache %1: %2", "无法读取模型哈希缓存 %1：%2",
         "Der Modell-Hash-Cache %1 kann nicht gelesen werden: %2"),
        ("The model hash cache %1 is not one Gesso wrote: the hashes are computed again",
         "模型哈希缓存 %1 不是 Gesso 写入的：将重新计算哈希",
         "Der Modell-Hash-Cache %1 stammt nicht von Gesso: Die Hashes werden neu berechnet"),
        ("Cannot create the folder %1", "无法创建文件夹 %1", "Der Ordner %1 kann nicht angelegt werden"),
        ("Cannot write the model hash cache %1: %2", "无法写入模型哈希缓存 %1：%2",
         "Der Modell-Hash-Cache %1 kann nicht geschrieben werden: %2"),
    ],
    UI + "ModelLibrary": [
        ("Cannot create the models folder %1", "无法创建模型文件夹 %1", "Der Modellordner %1 kann nicht angelegt werden"),
        ("The file cannot be read", "无法读取该文件", "Die Datei kann nicht gelesen werden"),
        # Model families (pipelines::to_string) and the kinds the lists show: "name — kind".
        ("SD 1.x", "SD 1.x", "SD 1.x"),
        ("SD 2.x", "SD 2.x", "SD 2.x"),
        ("SDXL", "SDXL", "SDXL"),
        ("SDXL refiner", "SDXL 精炼模型", "SDXL-Refiner"),
        ("DeepFloyd IF I", "DeepFloyd IF 阶段 I", "DeepFloyd IF I"),
        ("DeepFloyd IF II", "DeepFloyd IF 阶段 II", "DeepFloyd IF II"),
        ("SD x4 upscaler", "SD x4 放大模型", "SD-x4-Upscaler"),
        ("unreadable", "无法读取", "nicht lesbar"),
        ("diffusers folder", "diffusers 文件夹", "diffusers-Ordner"),
        ("%1 inpainting", "%1 局部重绘", "%1 Inpainting"),
        ("inpainting checkpoint", "局部重绘 checkpoint", "Inpainting-Checkpoint"),
        ("checkpoint", "checkpoint", "Checkpoint"),
        ("%1 inpainting checkpoint", "%1 局部重绘 checkpoint", "%1-Inpainting-Checkpoint"),
        ("%1 checkpoint", "%1 checkpoint", "%1-Checkpoint"),
        ("VAE", "VAE", "VAE"),
        ("%1 VAE", "%1 VAE", "%1-VAE"),
        ("LoRA", "LoRA", "LoRA"),
        ("%1 LoRA", "%1 LoRA", "%1-LoRA"),
        ("embedding", "嵌入式", "Embedding"),
        ("%1 embedding", "%1 嵌入式", "%1-Embedding"),
        ("ControlNet", "ControlNet", "ControlNet"),
        ("%1 ControlNet", "%1 ControlNet", "%1-ControlNet"),
        ("%1 — %2", "%1 — %2", "%1 — %2"),
        ("%1 [%2] — %3", "%1 [%2] — %3", "%1 [%2] — %3"),
        ("SHA-256: %1", "SHA-256：%1", "SHA-256: %1"),
    ],
    UI + "ModelLibraryDialog": [
        ("Choose a folder of models", "选择模型文件夹", "Einen Ordner mit Modellen wählen"),
        ("Model library", "模型库", "Modellbibliothek"),
        ("Search the library", "搜索模型库", "Bibliothek durchsuchen"),
        ("Name", "名称", "Name"),
        ("Kind", "类型", "Art"),
        ("Size", "大小", "Größe"),
        ("Hash", "哈希", "Hash"),
        ("Folder", "文件夹", "Ordner"),
        ("Rescan", "重新扫描", "Neu einlesen"),
        ("Scan the folders again (new files are hashed in the background)",
         "重新扫描这些文件夹（新文件会在后台计算哈希）",
         "Die Ordner erneut durchsuchen (neue Dateien werden im Hintergrund gehasht)"),
        ("AUTOMATIC1111's models folder: checkpoints in Stable-diffusion, and VAE, Lora, embeddings, ControlNet "
         "(created when missing). An A1111 models folder works as it is; add a ComfyUI one as an extra folder.",
         "AUTOMATIC1111 的 models 文件夹：checkpoint 放在 Stable-diffusion 中，另有 VAE、Lora、embeddings、ControlNet"
         "（缺少时自动创建）。A1111 的 models 文件夹可直接使用；ComfyUI 的请作为额外文件夹添加。",
         "Der models-Ordner von AUTOMATIC1111: Checkpoints in Stable-diffusion, dazu VAE, Lora, embeddings, "
         "ControlNet (fehlende werden angelegt). Ein models-Ordner von A1111 funktioniert unverändert; fügen Sie "
         "einen von ComfyUI als weiteren Ordner hinzu."),
        ("Browse…", "浏览…", "Durchsuchen…"),
        ("Models folder", "模型文件夹", "Modellordner"),
        ("More folders to scan, each with all its subfolders", "要额外扫描的文件夹，各含其全部子文件夹",
         "Weitere zu durchsuchende Ordner, jeweils mit allen Unterordnern"),
        ("Add…", "添加…", "Hinzufügen…"),
        ("Remove", "移除", "Entfernen"),
        ("Extra folders", "额外文件夹", "Weitere Ordner"),
        ("extra folder", "额外文件夹", "weiterer Ordner"),
        ("%n entries", ["%n 个条目"], ["%n Eintrag", "%n Einträge"]),
        ("%1 of %2 shown", "显示 %1 / %2 个", "%1 von %2 angezeigt"),
        ("scanning…", "正在扫描…", "wird durchsucht…"),
        ("hashing…", "正在计算哈希…", "Hashes werden berechnet…"),
    ],
    UI + "OptimizationPanel": [
        ("Device and precision", "设备与精度", "Gerät und Genauigkeit"),
        ("Speed", "速度", "Geschwindigkeit"),
        ("Memory", "显存", "Speicher"),
        ("Preset", "预设", "Voreinstellung"),
        ("Max speed: fp16, channels-last, CUDA graphs and the fused kernels, 175 it/s at 512² on an H200 (2.54 GiB). "
         "Balanced: fp16 and the defaults, 104 it/s, 2.54 GiB. Low VRAM (6 GB): model offload and VAE tiling, 1.76 GiB. "
         "Tiny VRAM (4 GB): sequential offload, VAE tiling and slicing, 0.64 GiB (no attention slicing: it saves nothing "
         "with these kernels).",
         "最快速度：fp16、channels-last、CUDA graphs 和融合内核，在 H200 上 512² 可达 175 it/s（2.54 GiB）。均衡：fp16 "
         "及默认设置，104 it/s，2.54 GiB。低显存（6 GB）：模型卸载和 VAE 分块，1.76 GiB。极低显存（4 GB）：顺序卸载、"
         "VAE 分块和切片，0.64 GiB（不用注意力切片：使用这些内核时它不节省显存）。",
         "Maximale Geschwindigkeit: fp16, channels-last, CUDA graphs und die fusionierten Kernel, 175 it/s bei 512² auf "
         "einer H200 (2.54 GiB). Ausgewogen: fp16 und die Standardwerte, 104 it/s, 2.54 GiB. Wenig VRAM (6 GB): "
         "Modell-Offload und VAE-Tiling, 1.76 GiB. Sehr wenig VRAM (4 GB): sequenzielles Offload, VAE-Tiling und "
         "-Slicing, 0.64 GiB (kein Attention-Slicing: mit diesen Kerneln spart es nichts)."),
        ("Custom", "自定义", "Benutzerdefiniert"),
        ("Max speed", "最快速度", "Maximale Geschwindigkeit"),
        ("Balanced", "均衡", "Ausgewogen"),
        ("Low VRAM (6 GB)", "低显存（6 GB）", "Wenig VRAM (6 GB)"),
        ("Tiny VRAM (4 GB)", "极低显存（4 GB）", "Sehr wenig VRAM (4 GB)"),
        ("The device memory this run needs at its peak, estimated from the model's size, the image size and the "
         "toggles (within about 10% of the H200 measurements)",
         "本次运行在峰值时所需的设备显存，根据模型大小、图像尺寸和各项开关估算（与 H200 实测值相差约 10% 以内）",
         "Der Gerätespeicher, den dieser Durchlauf in der Spitze braucht, geschätzt aus Modellgröße, Bildgröße und "
         "den Schaltern (auf etwa 10 % genau gegenüber den Messungen auf der H200)"),
        ("Device", "设备", "Gerät"),
        ("Auto uses the GPU when CUDA works, else the CPU (far slower: minutes an image).",
         "“自动”在 CUDA 可用时使用 GPU，否则使用 CPU（慢得多：每张图像需要数分钟）。",
         "„Automatisch“ nutzt die GPU, wenn CUDA funktioniert, sonst die CPU (weit langsamer: Minuten pro Bild)."),
        ("Auto", "自动", "Automatisch"),
        ("CPU", "CPU", "CPU"),
        ("CUDA GPU", "CUDA GPU", "CUDA-GPU"),
        ("Precision", "精度", "Genauigkeit"),
        ("fp16 halves the weights and nearly doubles the speed: 45.1 it/s and 2.64 GiB against fp32's 25.5 it/s and "
         "5.22 GiB (SD 1.5, 512², H200). bf16: fp16's memory, fp32's range.",
         "fp16 使权重减半、速度几乎翻倍：45.1 it/s、2.64 GiB，而 fp32 为 25.5 it/s、5.22 GiB（SD 1.5，512²，H200）。"
         "bf16：显存占用与 fp16 相同，数值范围与 fp32 相同。",
         "fp16 halbiert die Gewichte und verdoppelt fast die Geschwindigkeit: 45.1 it/s und 2.64 GiB gegenüber "
         "25.5 it/s und 5.22 GiB bei fp32 (SD 1.5, 512², H200). bf16: Speicherbedarf von fp16, Wertebereich von fp32."),
        ("fp32 (full)", "fp32（全精度）", "fp32 (voll)"),
        ("fp16 (half)", "fp16（半精度）", "fp16 (halb)"),
        ("bf16 (brain float)", "bf16（brain float）", "bf16 (Brain Float)"),
        ("VAE in fp32", "VAE 使用 fp32", "VAE in fp32"),
        ("Decodes in float32 where fp16 overflows (black or NaN images); the VAE's weights and decode memory double.",
         "以 float32 解码，避免 fp16 溢出（黑图或 NaN 图像）；VAE 的权重和解码显存占用翻倍。",
         "Dekodiert in float32, wo fp16 überläuft (schwarze oder NaN-Bilder); Gewichte und Dekodierspeicher der VAE "
         "verdoppeln sich."),
        ("TF32 tensor cores", "TF32 Tensor Core", "TF32-Tensor-Cores"),
        ("fp32 runs only: 25.5 → 37.7 it/s, 62.5 dB from the exact fp32 image; nothing in fp16.",
         "仅对 fp32 运行有效：25.5 → 37.7 it/s，与精确 fp32 图像相比为 62.5 dB；对 fp16 无效。",
         "Nur für fp32-Läufe: 25.5 → 37.7 it/s, 62.5 dB vom exakten fp32-Bild entfernt; in fp16 ohne Wirkung."),
        ("Fused kernels", "融合内核", "Fusionierte Kernel"),
        ("Gesso's own GPU kernels (GroupNorm + SiLU, GEGLU, LayerNorm with the residual, one GEMM for Q, K and V): "
         "75 → 104 it/s, with channels-last and CUDA graphs 93 → 175 it/s; 58 dB from the image without them. Off: the "
         "ATen ops diffusers runs.",
         "Gesso 自己的 GPU 内核（GroupNorm + SiLU、GEGLU、带残差的 LayerNorm、Q/K/V 合为一次 GEMM）：75 → 104 it/s，"
         "配合 channels-last 和 CUDA graphs 为 93 → 175 it/s；与不用它们的图像相比为 58 dB。关闭：使用 diffusers 所用的 "
         "ATen 算子。",
         "Gessos eigene GPU-Kernel (GroupNorm + SiLU, GEGLU, LayerNorm mit dem Residuum, ein GEMM für Q, K und V): "
         "75 → 104 it/s, mit channels-last und CUDA graphs 93 → 175 it/s; 58 dB vom Bild ohne sie entfernt. Aus: die "
         "ATen-Operationen, die diffusers ausführt."),
        ("CUDA graphs", "CUDA graphs", "CUDA graphs"),
        ("Captures the UNet step once per size and replays it: 45.1 → 83.1 it/s for +0.03 GiB; about 1 s of "
         "capture on each size's first run. Not with sequential offload.",
         "每种尺寸捕获一次 UNet 步骤并重放：45.1 → 83.1 it/s，仅多占 0.03 GiB；每种尺寸首次运行时约需 1 秒捕获。"
         "不能与顺序卸载同时使用。",
         "Zeichnet den UNet-Schritt einmal pro Größe auf und spielt ihn wieder ab: 45.1 → 83.1 it/s für +0.03 GiB; "
         "etwa 1 s Aufzeichnung beim ersten Lauf jeder Größe. Nicht mit sequenziellem Offload."),
        ("Channels-last", "Channels-last", "Channels-last"),
        ("NHWC convolutions: alone slower (45.1 → 38.6 it/s, 2.48 GiB); with CUDA graphs the fastest setting, "
         "101.2 it/s.",
         "NHWC 卷积：单独使用时更慢（45.1 → 38.6 it/s，2.48 GiB）；与 CUDA graphs 搭配则是最快的设置，101.2 it/s。",
         "NHWC-Faltungen: allein langsamer (45.1 → 38.6 it/s, 2.48 GiB); mit CUDA graphs die schnellste "
         "Einstellung, 101.2 it/s."),
        ("cuDNN benchmark", "cuDNN 基准测试", "cuDNN-Benchmark"),
        ("cuDNN times its algorithms on each new size: 45.1 → 45.6 it/s, +0.06 GiB; the first run of a size is "
         "slower.",
         "cuDNN 在每种新尺寸上对其算法计时择优：45.1 → 45.6 it/s，+0.06 GiB；每种尺寸的首次运行较慢。",
         "cuDNN misst bei jeder neuen Größe seine Algorithmen: 45.1 → 45.6 it/s, +0.06 GiB; der erste Lauf einer "
         "Größe ist langsamer."),
        ("Attention", "注意力", "Attention"),
        ("Auto picks cuDNN's kernel on Hopper: 45.1 it/s, 2.64 GiB. Forced cuDNN 71.4 it/s, mem-efficient 51.0, "
         "flash 47.5; plain 40.5 it/s at 3.67 GiB, math 27.0 it/s at 4.44 GiB.",
         "“自动”在 Hopper 上选用 cuDNN 的内核：45.1 it/s，2.64 GiB。强制使用 cuDNN 为 71.4 it/s，高效内存 51.0，"
         "Flash 47.5；朴素实现 40.5 it/s（3.67 GiB），Math 27.0 it/s（4.44 GiB）。",
         "„Automatisch“ wählt auf Hopper den Kernel von cuDNN: 45.1 it/s, 2.64 GiB. Erzwungen: cuDNN 71.4 it/s, "
         "speichereffizient 51.0, Flash 47.5; einfach 40.5 it/s bei 3.67 GiB, Math 27.0 it/s bei 4.44 GiB."),
        ("torch picks per call: 45.1 it/s, 2.64 GiB", "由 torch 在每次调用时选择：45.1 it/s，2.64 GiB",
         "torch wählt pro Aufruf: 45.1 it/s, 2.64 GiB"),
        ("Flash", "Flash", "Flash"),
        ("47.5 it/s, 2.70 GiB; the VAE's 512-wide head falls back", "47.5 it/s，2.70 GiB；VAE 中 512 维的注意力头会回退到其他内核",
         "47.5 it/s, 2.70 GiB; der 512 breite Head der VAE weicht auf einen anderen Kernel aus"),
        ("Memory-efficient", "高效内存", "Speichereffizient"),
        ("51.0 it/s, 2.70 GiB", "51.0 it/s，2.70 GiB", "51.0 it/s, 2.70 GiB"),
        ("Math", "Math", "Math"),
        ("27.0 it/s, 4.44 GiB: materialises the scores", "27.0 it/s，4.44 GiB：会完整生成注意力分数矩阵",
         "27.0 it/s, 4.44 GiB: legt die Scores vollständig im Speicher an"),
        ("cuDNN", "cuDNN", "cuDNN"),
        ("71.4 it/s, 2.70 GiB: the fastest on an H200", "71.4 it/s，2.70 GiB：在 H200 上最快",
         "71.4 it/s, 2.70 GiB: auf einer H200 am schnellsten"),
        ("Plain (baddbmm + softmax)", "朴素实现（baddbmm + softmax）", "Einfach (baddbmm + softmax)"),
        ("40.5 it/s, 3.67 GiB: diffusers' classic processor", "40.5 it/s，3.67 GiB：diffusers 的经典注意力处理器",
         "40.5 it/s, 3.67 GiB: der klassische Attention-Prozessor von diffusers"),
        ("CPU offload", "CPU 卸载", "CPU-Offload"),
        ("Model: each component on the GPU only while it runs, 2.64 → 1.76 GiB at full speed (pins 2 GiB of RAM). "
         "Sequential: layers stream in as they run, 0.64 GiB, 12-36 it/s.",
         "模型：每个组件仅在运行时才放在 GPU 上，2.64 → 1.76 GiB，速度不变（锁定 2 GiB 内存）。"
         "顺序：各层在运行时依次载入，0.64 GiB，12-36 it/s。",
         "Modell: Jede Komponente liegt nur während ihrer Ausführung auf der GPU, 2.64 → 1.76 GiB bei voller "
         "Geschwindigkeit (belegt 2 GiB gepinnten RAM). Sequenziell: Die Schichten werden bei der Ausführung "
         "nachgeladen, 0.64 GiB, 12-36 it/s."),
        ("None", "无", "Keins"),
        ("Model (per component)", "模型（按组件）", "Modell (pro Komponente)"),
        ("Sequential (per layer)", "顺序（按层）", "Sequenziell (pro Schicht)"),
        ("VAE tiling", "VAE 分块", "VAE-Tiling"),
        ("Decodes in tiles: 1024² peak 4.42 → 2.64 GiB at no speed cost; faint seams (46 dB). Nothing to do at the "
         "model's own size.",
         "分块解码：1024² 的峰值 4.42 → 2.64 GiB，不损失速度；有轻微接缝（46 dB）。在模型原生尺寸下不起作用。",
         "Dekodiert in Kacheln: Spitze bei 1024² 4.42 → 2.64 GiB ohne Geschwindigkeitsverlust; schwache Nähte "
         "(46 dB). Bei der nativen Größe des Modells ohne Wirkung."),
        ("VAE slicing", "VAE 切片", "VAE-Slicing"),
        ("Decodes a batch one image at a time: a lower decode peak for batches; no change for one image.",
         "逐张解码一个批次：降低批量解码的峰值；单张图像时无变化。",
         "Dekodiert einen Batch Bild für Bild: niedrigere Dekodierspitze bei Batches; keine Änderung bei einem "
         "einzelnen Bild."),
        ("Attention a few heads at a time: saves memory only against the math or plain kernels; with the default "
         "ones 31.9 it/s (-30%) and no saving (2.70 GiB).",
         "每次只计算几个注意力头：仅相对于 Math 或朴素实现内核能节省显存；使用默认内核时为 31.9 it/s（-30%），"
         "且不节省显存（2.70 GiB）。",
         "Attention für wenige Heads auf einmal: spart nur gegenüber den Math- oder einfachen Kerneln Speicher; mit "
         "den Standardkerneln 31.9 it/s (-30 %) und keine Ersparnis (2.70 GiB)."),
        ("Off", "关闭", "Aus"),
        ("Auto (half the heads)", "自动（一半的注意力头）", "Automatisch (halbe Heads)"),
        ("Heads at a time:", "每次注意力头数：", "Heads auf einmal:"),
        ("Attention slicing", "注意力切片", "Attention-Slicing"),
        ("Release VRAM after each run", "每次运行后释放显存", "VRAM nach jedem Durchlauf freigeben"),
        ("Gives cached GPU memory back to other programs; the next run allocates again and re-captures CUDA graphs "
         "(about 1 s).",
         "将缓存的 GPU 显存归还给其他程序；下次运行时会重新分配显存并重新捕获 CUDA graphs（约 1 秒）。",
         "Gibt zwischengespeicherten GPU-Speicher an andere Programme zurück; der nächste Durchlauf reserviert neu "
         "und zeichnet die CUDA graphs neu auf (etwa 1 s)."),
        ("Pick a model to see how much VRAM it needs", "选择一个模型以查看其所需显存",
         "Wählen Sie ein Modell, um zu sehen, wie viel VRAM es braucht"),
        ("UNet", "UNet", "UNet"),
        ("VAE decode", "VAE 解码", "VAE-Dekodierung"),
        ("text encoder", "文本编码器", "Text-Encoder"),
        ("refiner UNet", "精炼模型 UNet", "Refiner-UNet"),
        ("Runs on the CPU: no VRAM needed (about %1 of memory at the peak)", "在 CPU 上运行：无需显存（峰值约占用 %1 内存）",
         "Läuft auf der CPU: kein VRAM nötig (in der Spitze etwa %1 Arbeitsspeicher)"),
        ("Needs about %1 of VRAM (peak: %2)", "约需 %1 显存（峰值阶段：%2）", "Benötigt etwa %1 VRAM (Spitze: %2)"),
        ("— more than the %1 this device has", "——超出此设备的 %1", "— mehr als die %1 dieses Geräts"),
    ],
    UI + "ParametersBridge": [
        ("The prompt names LoRAs the library does not have: %1.", "提示词引用了模型库中没有的 LoRA：%1。",
         "Der Prompt nennt LoRAs, die die Bibliothek nicht hat: %1."),
        ("The prompt uses embeddings the library does not have: %1.", "提示词使用了模型库中没有的 embedding：%1。",
         "Der Prompt verwendet Embeddings, die die Bibliothek nicht hat: %1."),
        ("ControlNet %1 cannot be read: %2", "无法读取 ControlNet %1：%2", "ControlNet %1 kann nicht gelesen werden: %2"),
        ("The ControlNet model \"%1\" (unit %2) is not in the library: that unit's model is left as it is.",
         "ControlNet 模型“%1”（单元 %2）不在模型库中：该单元的模型保持不变。",
         "Das ControlNet-Modell „%1“ (Einheit %2) ist nicht in der Bibliothek: Das Modell dieser Einheit bleibt "
         "unverändert."),
        ("The ControlNet preprocessor \"%1\" (unit %2) is not in Gesso (it needs a model of its own): \"none\" is "
         "used; give the unit a control image made already.",
         "ControlNet 预处理器“%1”（单元 %2）不在 Gesso 中（它需要单独的模型）：将使用“none”；请为该单元提供已生成的控制图像。",
         "Der ControlNet-Präprozessor „%1“ (Einheit %2) ist nicht in Gesso (er braucht ein eigenes Modell): „none“ "
         "wird verwendet; geben Sie der Einheit ein fertiges Steuerbild."),
        ("The model \"%1\" is not in the library: the model is left as it is.",
         "模型“%1”不在模型库中：模型保持不变。",
         "Das Modell „%1“ ist nicht in der Bibliothek: Das Modell bleibt unverändert."),
        ("The VAE \"%1\" is not in the library: the VAE is left as it is.",
         "VAE“%1”不在模型库中：VAE 保持不变。",
         "Der VAE „%1“ ist nicht in der Bibliothek: Der VAE bleibt unverändert."),
        ("The %1 schedule is not available for %2: %2 is used with its usual schedule.",
         "%2 不支持 %1 调度类型：将使用 %2 及其常规调度类型。",
         "Der Schedule %1 ist für %2 nicht verfügbar: %2 wird mit seinem üblichen Schedule verwendet."),
        ("The sampler \"%1\" is not available: %2 is used.", "采样器“%1”不可用：将改用 %2。",
         "Der Sampler „%1“ ist nicht verfügbar: %2 wird verwendet."),
        ("The sampler \"%1\" is not available: the model's own sampler is used.",
         "采样器“%1”不可用：将改用模型自带的采样器。",
         "Der Sampler „%1“ ist nicht verfügbar: Der eigene Sampler des Modells wird verwendet."),
        ("The refiner \"%1\" is not in the model list: no refiner is used (add its folder to use it).",
         "精炼模型“%1”不在模型列表中：将不使用精炼模型（添加其文件夹后即可使用）。",
         "Der Refiner „%1“ ist nicht in der Modellliste: Es wird kein Refiner verwendet (fügen Sie seinen Ordner "
         "hinzu, um ihn zu verwenden)."),
        ("The refiner switch point \"%1\" is not a fraction between 0 and 1: %2 is kept.",
         "精炼模型切换点“%1”不是 0 到 1 之间的比例：保留 %2。",
         "Der Refiner-Wechselpunkt „%1“ ist kein Anteil zwischen 0 und 1: %2 bleibt erhalten."),
        ("The seed %1 is beyond the 63 bits Gesso takes: the seed is left as it was.",
         "种子 %1 超出了 Gesso 支持的 63 位范围：种子保持不变。",
         "Der Seed %1 überschreitet die 63 Bit, die Gesso annimmt: Der Seed bleibt unverändert."),
        ("These generation parameters cannot be read: %1", "无法读取这些生成参数：%1",
         "Diese Generierungsparameter können nicht gelesen werden: %1"),
        # The example line is A1111's own format: it stays in English.
        ("This text holds no generation parameters (a line such as \"Steps: 20, Sampler: Euler a, CFG scale: 7, "
         "Seed: 1, Size: 512x512\").",
         "此文本不包含生成参数（应有一行形如“Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 512x512”的内容）。",
         "Dieser Text enthält keine Generierungsparameter (eine Zeile wie „Steps: 20, Sampler: Euler a, CFG scale: 7, "
         "Seed: 1, Size: 512x512“)."),
        ("%1 cannot be read as an image.", "无法将 %1 作为图像读取。", "%1 kann nicht als Bild gelesen werden."),
        ("%1 carries no generation parameters (no \"parameters\" text in the PNG).",
         "%1 不包含生成参数（PNG 中没有“parameters”文本）。",
         "%1 enthält keine Generierungsparameter (kein „parameters“-Text im PNG)."),
        ("%1: %2", "%1：%2", "%1: %2"),
    ],
    UI + "ReadoutBar": [
        ("Ready", "就绪", "Bereit"),
        ("%1 / %2", "%1 / %2", "%1 / %2"),
        ("%1 it/s", "%1 it/s", "%1 it/s"),
        ("%1 elapsed, %2 left", "已用 %1，剩余 %2", "%1 vergangen, noch %2"),
        ("VRAM %1 allocated, %2 reserved of %3", "显存：已分配 %1，已保留 %2，共 %3",
         "VRAM: %1 belegt, %2 reserviert von %3"),
        ("CPU run", "CPU 运行", "CPU-Lauf"),
    ],
    UI + "VramChart": [
        ("Device memory over the run: allocated (dark), reserved by the allocator (light), the card's total (dashed)",
         "本次运行中的设备显存：已分配（深色）、分配器保留（浅色）、显卡总量（虚线）",
         "Gerätespeicher im Lauf der Generierung: belegt (dunkel), vom Allocator reserviert (hell), Gesamtspeicher "
         "der Karte (gestrichelt)"),
        ("VRAM", "显存", "VRAM"),
        ("VRAM: CPU run", "显存：CPU 运行", "VRAM: CPU-Lauf"),
        ("VRAM: %1 / %2 GiB", "显存：%1 / %2 GiB", "VRAM: %1 / %2 GiB"),
    ],
    UI + "DeepFloydPanel": [
        ("Stage I: the image from the prompt", "阶段 I：由提示词生成图像", "Stufe I: das Bild aus dem Prompt"),
        ("Stage II: upscaled ×4", "阶段 II：放大 ×4", "Stufe II: ×4 hochskaliert"),
        ("Stage III: upscaled ×4 again (optional)",
         "阶段 III：再放大 ×4（可选）",
         "Stufe III: noch einmal ×4 hochskaliert (optional)"),
        ("Clean up the caption", "清理提示词文本", "Prompt-Text bereinigen"),
        ("DeepFloyd's caption clean-up before T5 reads the prompt (diffusers' clean_caption): links, HTML, "
         "@names and stray symbols go. Off: the prompt is only lowercased.",
         "在 T5 读取提示词之前执行 DeepFloyd 的文本清理（diffusers 的 clean_caption）：去除链接、HTML、@用户名和多余符号。关闭时：提示词只转换为小写。",
         "DeepFloyds Textbereinigung, bevor T5 den Prompt liest (clean_caption von diffusers): Links, HTML, "
         "@Namen und verirrte Zeichen werden entfernt. Aus: Der Prompt wird nur in Kleinbuchstaben umgewandelt."),
        ("T5 on the CPU", "T5 在 CPU 上运行", "T5 auf der CPU"),
        ("Keep IF's T5-XXL text encoder (about 9.5 GB in fp16) in main memory and run it on the CPU: the GPU "
         "holds only the UNets. Each new prompt takes longer to encode.",
         "将 IF 的 T5-XXL 文本编码器（fp16 下约 9.5 GB）保留在内存中并在 CPU 上运行：显卡只需容纳 UNet。每个新提示词的编码会更慢。",
         "IFs T5-XXL-Textencoder (etwa 9.5 GB in fp16) im Arbeitsspeicher halten und auf der CPU ausführen: Die "
         "GPU hält nur die UNets. Jeder neue Prompt braucht länger zum Kodieren."),
        ("Model", "模型", "Modell"),
        ("Steps", "步数", "Schritte"),
        ("How closely this stage follows the prompt (CFG scale); 1 or less runs without guidance",
         "此阶段遵循提示词的程度（CFG）；为 1 或更低时不使用引导",
         "Wie genau diese Stufe dem Prompt folgt (CFG-Skala); bei 1 oder weniger läuft sie ohne Guidance"),
        ("Guidance scale", "提示词引导系数", "CFG-Skala"),
        ("How much noise is added to the previous stage's image before this stage upscales it: more lets it "
         "invent more detail, and stray further from that image",
         "此阶段放大之前向上一阶段图像添加的噪声量：越多则能创造越多细节，但也越偏离该图像",
         "Wie viel Rauschen dem Bild der vorigen Stufe hinzugefügt wird, bevor diese Stufe es hochskaliert: Mehr "
         "lässt sie mehr Details erfinden und weiter von diesem Bild abweichen"),
        ("Noise level", "噪声强度", "Rauschstärke"),
        ("The run's", "沿用本次运行的种子", "Der des Laufs"),
        ("A seed of this stage's own, to vary it alone. Empty: the run's seed, its noise going on from the stage "
         "before",
         "此阶段专用的种子，用于单独改变此阶段。留空：使用本次运行的种子，噪声承接上一阶段",
         "Ein eigener Seed dieser Stufe, um nur sie zu variieren. Leer: der Seed des Laufs, dessen Rauschen an "
         "die vorige Stufe anschließt"),
        ("Seed", "种子", "Seed"),
        ("None", "无", "Keins"),
        ("stage I (IF-I, e.g. DeepFloyd/IF-I-XL-v1.0)",
         "阶段 I 模型（IF-I，例如 DeepFloyd/IF-I-XL-v1.0）",
         "Stufe-I-Modell (IF-I, z. B. DeepFloyd/IF-I-XL-v1.0)"),
        ("stage II (IF-II, e.g. DeepFloyd/IF-II-L-v1.0)",
         "阶段 II 模型（IF-II，例如 DeepFloyd/IF-II-L-v1.0）",
         "Stufe-II-Modell (IF-II, z. B. DeepFloyd/IF-II-L-v1.0)"),
        ("The model library has no DeepFloyd IF %1. Put its diffusers folder (with model_index.json) into the "
         "models folder's Stable-diffusion folder, or add the folder under Settings > Model library, then "
         "rescan.",
         "模型库中没有 DeepFloyd IF %1。请将其 diffusers 文件夹（包含 model_index.json）放入模型文件夹的 Stable-diffusion 子文件夹，或在“设置 > "
         "模型库”中添加该文件夹，然后重新扫描。",
         "Der Modellbibliothek fehlt das DeepFloyd-IF-%1. Legen Sie seinen diffusers-Ordner (mit "
         "model_index.json) in den Ordner Stable-diffusion des Modellordners oder fügen Sie den Ordner unter "
         "Einstellungen > Modellbibliothek hinzu, und lesen Sie die Modelle dann neu ein."),
        (" and ", "和", " und "),
        ("DeepFloyd IF needs a stage I and a stage II model: choose them in the DeepFloyd IF panel (the model "
         "library lists the IF-I and IF-II folders it found).",
         "DeepFloyd IF 需要阶段 I 和阶段 II 模型：请在 DeepFloyd IF 面板中选择（模型库会列出它找到的 IF-I 和 IF-II 文件夹）。",
         "DeepFloyd IF braucht ein Stufe-I- und ein Stufe-II-Modell: Wählen Sie sie im DeepFloyd-IF-Bereich (die "
         "Modellbibliothek listet die gefundenen IF-I- und IF-II-Ordner)."),
    ],
    UI + "UpscaleDialog": [
        ("Upscale x4", "放大 x4", "x4 hochskalieren"),
        ("What the image shows: the upscaler reads a prompt too (the image's own, when it has one)",
         "图像的内容：放大模型也会读取提示词（图像自带提示词时使用它）",
         "Was das Bild zeigt: Auch der Upscaler liest einen Prompt (den des Bildes, wenn es einen hat)"),
        ("Noise added to the image before it is upscaled: more invents more detail, and strays further from the "
         "image",
         "放大之前向图像添加的噪声：越多则创造越多细节，但也越偏离原图",
         "Rauschen, das dem Bild vor dem Hochskalieren hinzugefügt wird: Mehr erfindet mehr Details und weicht "
         "weiter vom Bild ab"),
        ("Off", "关闭", "Aus"),
        (" px", " 像素", " px"),
        ("Large images are upscaled in overlapping tiles of this many pixels (of the image as it is now), "
         "blended, so that memory stays that of one tile. Off: the whole image at once.",
         "大图像会按此像素大小（以当前图像计）分成相互重叠的图块分别放大再融合，显存占用只相当于一个图块。关闭：一次处理整张图像。",
         "Große Bilder werden in überlappenden Kacheln dieser Pixelgröße (des Bildes, wie es jetzt ist) "
         "hochskaliert und überblendet, sodass der Speicher der einer Kachel bleibt. Aus: das ganze Bild auf "
         "einmal."),
        ("Upscaler", "放大模型", "Upscaler"),
        ("Prompt", "提示词", "Prompt"),
        ("Negative prompt", "反向提示词", "Negativ-Prompt"),
        ("Noise level", "噪声强度", "Rauschstärke"),
        ("Steps", "步数", "Schritte"),
        ("Guidance scale", "提示词引导系数", "CFG-Skala"),
        ("Tile size", "图块大小", "Kachelgröße"),
        ("Upscale", "放大", "Hochskalieren"),
        ("%1 × %2 px → %3 × %4 px", "%1 × %2 像素 → %3 × %4 像素", "%1 × %2 px → %3 × %4 px"),
        ("%1, in %n tile(s)", ["%1，分 %n 个图块"], ["%1, in %n Kachel", "%1, in %n Kacheln"]),
    ],
}

# Issue 18 (gallery, queue, Hires. fix, outpainting, benchmark): rows added to the contexts above.
ISSUE_18 = {
    UI + "BenchmarkDialog": [
        ("Benchmark", "基准测试", "Benchmark"),
        ("Times each pipeline on this computer with the models of your library: denoising steps per second (it/s, "
         "higher is faster) at batch 1 and 4, with the default settings and with the Max speed preset. It takes a few "
         "minutes on a GPU.",
         "用模型库中的模型在本机上为每个管线计时：每秒去噪步数（it/s，越高越快），批量 1 和 4，分别使用默认设置和“最快速度”"
         "预设。在 GPU 上需要几分钟。",
         "Misst jede Pipeline auf diesem Computer mit den Modellen Ihrer Bibliothek: Entrauschungsschritte pro Sekunde "
         "(it/s, höher ist schneller) bei Batch 1 und 4, mit den Standardeinstellungen und mit der Voreinstellung "
         "„Maximale Geschwindigkeit“. Auf einer GPU dauert das einige Minuten."),
        ("Run", "运行", "Starten"),
        ("Cancel run", "取消运行", "Lauf abbrechen"),
        ("Copy as Markdown", "复制为 Markdown", "Als Markdown kopieren"),
        ("Copy the table as Markdown, to paste into an issue or a forum post",
         "将表格复制为 Markdown，以便粘贴到 issue 或论坛帖子中",
         "Kopiert die Tabelle als Markdown, zum Einfügen in ein Issue oder einen Forenbeitrag"),
        ("no SD 1.x or 2.x model in the library", "模型库中没有 SD 1.x 或 2.x 模型",
         "kein SD-1.x- oder -2.x-Modell in der Bibliothek"),
        ("no ControlNet in the library", "模型库中没有 ControlNet", "kein ControlNet in der Bibliothek"),
        ("no DeepFloyd IF stage I in the library", "模型库中没有 DeepFloyd IF 阶段 I 模型",
         "keine DeepFloyd-IF-Stufe I in der Bibliothek"),
        ("no SDXL base model in the library", "模型库中没有 SDXL 基础模型", "kein SDXL-Basismodell in der Bibliothek"),
        ("Press Run to start.", "按“运行”开始。", "Drücken Sie „Starten“, um zu beginnen."),
        ("default", "默认", "Standard"),
        ("Max speed", "最快速度", "Maximale Geschwindigkeit"),
        ("Batch %1, %2", "批量 %1，%2", "Batch %1, %2"),
        ("gesso-bench was not found at %1: it is installed next to the gesso program. Build or install it there to "
         "run the benchmark.",
         "在 %1 未找到 gesso-bench：它应安装在 gesso 程序旁边。请在那里构建或安装它，以运行基准测试。",
         "gesso-bench wurde unter %1 nicht gefunden: Es wird neben dem Programm gesso installiert. Erstellen oder "
         "installieren Sie es dort, um den Benchmark auszuführen."),
        ("Starting gesso-bench…", "正在启动 gesso-bench…", "gesso-bench wird gestartet…"),
        ("Timing %1…", "正在计时 %1…", "%1 wird gemessen…"),
        ("Cancelled: the cells timed so far are kept.", "已取消：保留已计时的单元格。",
         "Abgebrochen: Die bisher gemessenen Zellen bleiben erhalten."),
        ("gesso-bench stopped unexpectedly%1", "gesso-bench 意外停止%1", "gesso-bench wurde unerwartet beendet%1"),
        ("gesso-bench failed: %1", "gesso-bench 失败：%1", "gesso-bench ist fehlgeschlagen: %1"),
        ("exit code %1", "退出码 %1", "Exit-Code %1"),
        ("Done.", "完成。", "Fertig."),
        ("Done, on %1.", "完成，在 %1 上。", "Fertig, auf %1."),
        ("gesso-bench could not be started (%1): %2", "无法启动 gesso-bench（%1）：%2",
         "gesso-bench konnte nicht gestartet werden (%1): %2"),
        ("This cell failed: %1", "此单元格失败：%1", "Diese Zelle ist fehlgeschlagen: %1"),
        ("skipped", "已跳过", "übersprungen"),
        ("%1: %2", "%1：%2", "%1: %2"),
        ("Skipped — %1.", "已跳过——%1。", "Übersprungen – %1."),
        ("Gesso benchmark on %1: denoising steps per second (it/s); IF: stage I / stage II / stage III.",
         "Gesso 在 %1 上的基准测试：每秒去噪步数（it/s）；IF：阶段 I / 阶段 II / 阶段 III。",
         "Gesso-Benchmark auf %1: Entrauschungsschritte pro Sekunde (it/s); IF: Stufe I / Stufe II / Stufe III."),
        ("this computer", "本机", "diesem Computer"),
        ("Pipeline", "管线", "Pipeline"),
    ],
    UI + "GenerationPanel": [
        ("Remove the selected model from the list (only models added with \"Add folder…\"; nothing is deleted from "
         "the disk)",
         "从列表中移除所选模型（仅限用“添加文件夹…”添加的模型；不会从磁盘删除任何文件）",
         "Entfernt das gewählte Modell aus der Liste (nur mit „Ordner hinzufügen…“ hinzugefügte Modelle; von der "
         "Festplatte wird nichts gelöscht)"),
        ("Remove model", "移除模型", "Modell entfernen"),
        ("%1/%2 (%3 ignored)", "%1/%2（忽略 %3）", "%1/%2 (%3 ignoriert)"),
        ("Plain prompts: the model reads only the first %1 tokens; the %2 tokens past %1 are ignored. Shorten the "
         "prompt, or turn Plain prompts off to read it all in chunks of %1.",
         "纯文本提示词：模型只读取前 %1 个词元；超出 %1 的 %2 个词元被忽略。请缩短提示词，或关闭“纯文本提示词”，以每块 %1 "
         "个词元读取全部内容。",
         "Einfache Prompts: Das Modell liest nur die ersten %1 Tokens; die %2 Tokens nach %1 werden ignoriert. "
         "Kürzen Sie den Prompt, oder schalten Sie „Einfache Prompts“ aus, um ihn ganz in Blöcken zu %1 zu lesen."),
        ("Tokens in this prompt; with plain prompts the model reads the first %1 and ignores the rest.",
         "此提示词中的词元数；使用纯文本提示词时，模型读取前 %1 个，忽略其余部分。",
         "Tokens in diesem Prompt; bei einfachen Prompts liest das Modell die ersten %1 und ignoriert den Rest."),
        ("Tokens in this prompt, and the chunks of %1 the text encoder reads it in (AUTOMATIC1111's count: a chunk "
         "ends early at a comma or BREAK). Every chunk is read: nothing is cut.",
         "此提示词中的词元数，以及文本编码器读取它时使用的每块 %1 个词元的分块数（按 AUTOMATIC1111 的计数方式：分块在逗号或 "
         "BREAK 处提前结束）。每个分块都会被读取：不会截断任何内容。",
         "Tokens in diesem Prompt und die Blöcke zu %1, in denen der Text-Encoder ihn liest (Zählweise von "
         "AUTOMATIC1111: Ein Block endet früher an einem Komma oder BREAK). Jeder Block wird gelesen: Nichts wird "
         "abgeschnitten."),
    ],
    UI + "GenerationQueue": [
        ("(no prompt)", "（无提示词）", "(kein Prompt)"),
        ("1 step", "1 步", "1 Schritt"),
        ("%1 steps", "%1 步", "%1 Schritte"),
        ("img2img", "图生图", "Bild zu Bild"),
        ("inpaint", "局部重绘", "Inpainting"),
        ("txt2img", "文生图", "Text zu Bild"),
        ("DeepFloyd IF", "DeepFloyd IF", "DeepFloyd IF"),
        ("Upscale x4", "放大 x4", "x4 hochskalieren"),
        ("(nothing to run)", "（没有可运行的内容）", "(nichts auszuführen)"),
    ],
    UI + "HiresFixPanel": [
        ("Hires. fix", "高分辨率修复", "Hires. fix"),
        ("Generate at the size above, upscale, then denoise again at the larger size: more detail than generating "
         "large at once, without the repeated subjects a model gives beyond the size it was trained at (as "
         "AUTOMATIC1111's Hires. fix).",
         "先以上面的尺寸生成，放大后再以更大的尺寸重新去噪：比直接生成大图细节更多，也不会出现模型在超出训练尺寸时产生的重复主体"
         "（同 AUTOMATIC1111 的高分辨率修复）。",
         "Generiert in der obigen Größe, skaliert hoch und entrauscht dann erneut in der größeren Größe: mehr Details "
         "als direkt groß zu generieren, ohne die wiederholten Motive, die ein Modell über seine Trainingsgröße hinaus "
         "erzeugt (wie Hires. fix von AUTOMATIC1111)."),
        ("Latent: the first pass's latents are scaled (fast; the second pass needs a denoising strength of about 0.5 "
         "or more to sharpen them). Lanczos and Nearest: the image is decoded, resized and encoded again. SD x4: the "
         "image is upscaled by Stability's x4 upscaler (slower, sharper), then resized and encoded again.",
         "Latent：缩放第一遍的潜空间（快；第二遍需要约 0.5 或更高的重绘幅度才能使其清晰）。Lanczos 和 Nearest：将图像解码、"
         "缩放后重新编码。SD x4：用 Stability 的 x4 放大模型放大图像（较慢，更清晰），再缩放并重新编码。",
         "Latent: Die Latents des ersten Durchgangs werden skaliert (schnell; der zweite Durchgang braucht eine "
         "Entrauschungsstärke von etwa 0.5 oder mehr, um sie zu schärfen). Lanczos und Nearest: Das Bild wird "
         "dekodiert, skaliert und wieder kodiert. SD x4: Das Bild wird mit dem x4-Upscaler von Stability "
         "hochskaliert (langsamer, schärfer), dann skaliert und wieder kodiert."),
        ("The x4 upscaler model SD x4 runs (from the model library).", "SD x4 使用的 x4 放大模型（来自模型库）。",
         "Das x4-Upscaler-Modell, das SD x4 verwendet (aus der Modellbibliothek)."),
        ("x4 model", "x4 模型", "x4-Modell"),
        ("Add Stability's x4 upscaler (stable-diffusion-x4-upscaler) to the model library to use it.",
         "将 Stability 的 x4 放大模型（stable-diffusion-x4-upscaler）添加到模型库后即可使用。",
         "Fügen Sie den x4-Upscaler von Stability (stable-diffusion-x4-upscaler) zur Modellbibliothek hinzu, um "
         "ihn zu verwenden."),
        ("Upscaler", "放大算法", "Upscaler"),
        ("Upscale by", "放大倍数", "Faktor"),
        ("Same as Steps", "与步数相同", "Wie Schritte"),
        ("The second pass's steps; 0 uses the sampling steps above.", "第二遍的步数；0 表示使用上面的采样步数。",
         "Die Schritte des zweiten Durchgangs; 0 verwendet die Schritte oben."),
        ("Hires steps", "高分辨率步数", "Hires-Schritte"),
        ("How much the second pass repaints the upscaled image: low keeps it, high invents new detail (and may change "
         "the picture).",
         "第二遍对放大后图像的重绘程度：低则保持原样，高则创造新细节（也可能改变画面）。",
         "Wie stark der zweite Durchgang das hochskalierte Bild neu malt: niedrig behält es bei, hoch erfindet neue "
         "Details (und kann das Bild verändern)."),
        ("Denoising strength", "重绘幅度", "Entrauschungsstärke"),
        ("Auto", "自动", "Auto"),
        ("A size instead of \"Upscale by\": one of them Auto keeps the picture's shape; both set, the picture is "
         "scaled to cover that size and cropped.",
         "用尺寸代替“放大倍数”：其中一项为“自动”时保持画面比例；两项都设置时，画面缩放到覆盖该尺寸后裁剪。",
         "Eine Größe statt „Faktor“: Ist eine davon Auto, bleibt das Seitenverhältnis erhalten; sind beide gesetzt, "
         "wird das Bild auf diese Größe skaliert und zugeschnitten."),
        ("Resize to", "缩放到", "Größe"),
        ("Result", "结果", "Ergebnis"),
        ("%1 × %2", "%1 × %2", "%1 × %2"),
    ],
    UI + "HistoryInfoPanel": [
        ("Select an image to see how it was made.", "选择一张图像，查看它是如何生成的。",
         "Wählen Sie ein Bild, um zu sehen, wie es entstanden ist."),
        ("Prompt", "提示词", "Prompt"),
        ("Negative", "反向", "Negativ"),
        ("Seed", "种子", "Seed"),
        ("Sampler", "采样器", "Sampler"),
        ("Steps", "步数", "Schritte"),
        ("CFG scale", "提示词引导系数", "CFG-Skala"),
        ("Size", "尺寸", "Größe"),
        ("Model", "模型", "Modell"),
        ("Created", "创建时间", "Erstellt"),
        ("File", "文件", "Datei"),
    ],
    UI + "HistoryModel": [
        ("(no prompt)", "（无提示词）", "(kein Prompt)"),
        ("Seed %1 · %2", "种子 %1 · %2", "Seed %1 · %2"),
    ],
    UI + "HistoryPanel": [
        ("Search prompts", "搜索提示词", "Prompts durchsuchen"),
        ("Shows the images whose prompt holds every word typed here (case aside).",
         "显示提示词中包含此处输入的每个词的图像（不区分大小写）。",
         "Zeigt die Bilder, deren Prompt jedes hier eingegebene Wort enthält (ohne Beachtung der Groß-/Kleinschreibung)."),
        ("Thumbnails", "缩略图", "Miniaturen"),
        ("The size of the thumbnails", "缩略图的大小", "Die Größe der Miniaturen"),
        ("%n image(s)", ["%n 张图像"], ["%n Bild", "%n Bilder"]),
        ("%n found", ["找到 %n 张"], ["%n gefunden", "%n gefunden"]),
    ],
    UI + "ImageViewer": [
        ("Image", "图像", "Bild"),
        ("◀ Previous", "◀ 上一张", "◀ Zurück"),
        ("Next ▶", "下一张 ▶", "Weiter ▶"),
        ("Zoom out", "缩小", "Verkleinern"),
        ("Zoom in", "放大", "Vergrößern"),
        ("Fit", "适合窗口", "Einpassen"),
        ("100 %", "100%", "100 %"),
        ("Cannot read %1: the file was moved or deleted.", "无法读取 %1：文件已被移动或删除。",
         "%1 kann nicht gelesen werden: Die Datei wurde verschoben oder gelöscht."),
        ("%1 of %2", "%1 / %2", "%1 von %2"),
    ],
    UI + "MainWindow": [
        ("Queue", "队列", "Warteschlange"),
        ("Show a preview every N steps (%1 by default; 1: every step; 0: none). Each preview waits for the GPU, which "
         "costs a little speed:",
         "每 N 步显示一次预览（默认 %1；1：每一步；0：不显示）。每次预览都要等待 GPU，会稍微降低速度：",
         "Alle N Schritte eine Vorschau zeigen (Standard %1; 1: jeden Schritt; 0: keine). Jede Vorschau wartet auf "
         "die GPU, was etwas Geschwindigkeit kostet:"),
        ("&Benchmark…", "基准测试(&B)…", "Benchmar&k…"),
        ("&Previews: none…", "预览：无(&P)…", "&Vorschau: keine…"),
        ("&Previews: every step…", "预览：每一步(&P)…", "&Vorschau: jeden Schritt…"),
        ("&Previews: every %1 steps…", "预览：每 %1 步(&P)…", "&Vorschau: alle %1 Schritte…"),
        ("Queued: %1 (%n waiting)", ["已加入队列：%1（%n 个等待中）"],
         ["In der Warteschlange: %1 (%n wartet)", "In der Warteschlange: %1 (%n warten)"]),
        ("Generate (Ctrl+Return)", "生成（Ctrl+Return）", "Generieren (Strg+Eingabe)"),
        ("Add to the queue (Ctrl+Return): it runs after the running one",
         "加入队列（Ctrl+Return）：在当前运行结束后运行",
         "Zur Warteschlange hinzufügen (Strg+Eingabe): Läuft nach dem laufenden Durchlauf"),
        ("Cancelled after %n image(s)", ["已在 %n 张图像后取消"], ["Abgebrochen nach %n Bild", "Abgebrochen nach %n Bildern"]),
        ("%1 records how it was made (prompt, seed, steps, …). Use its parameters in the form too?",
         "%1 记录了它的生成方式（提示词、种子、步数等）。是否也在表单中使用它的参数？",
         "%1 enthält, wie es entstanden ist (Prompt, Seed, Schritte, …). Seine Parameter auch im Formular "
         "verwenden?"),
        ("Use its parameters", "使用它的参数", "Seine Parameter verwenden"),
        ("Keep mine", "保留我的设置", "Meine behalten"),
    ],
    UI + "MaskToolsBar": [
        ("Undo %1 (Ctrl+Z)", "撤销%1（Ctrl+Z）", "%1 rückgängig machen (Strg+Z)"),
        ("Redo %1 (Ctrl+Y or Ctrl+Shift+Z)", "重做%1（Ctrl+Y 或 Ctrl+Shift+Z）",
         "%1 wiederholen (Strg+Y oder Strg+Umschalt+Z)"),
    ],
    UI + "ModeCheck": [
        ("This is an inpainting model (%1): switch to Inpaint and paint the area to repaint, or choose another model "
         "for img2img.",
         "这是一个局部重绘模型（%1）：请切换到“局部重绘”并涂出要重绘的区域，或为图生图选择其他模型。",
         "Dies ist ein Inpainting-Modell (%1): Wechseln Sie zu Inpainting und malen Sie den neu zu malenden Bereich, "
         "oder wählen Sie für Bild zu Bild ein anderes Modell."),
        ("This is an inpainting model (%1): it repaints a masked area of a source image, so switch to Inpaint (open a "
         "source image and paint the area to repaint), or choose another model for %2.",
         "这是一个局部重绘模型（%1）：它重绘源图像中被蒙版覆盖的区域，因此请切换到“局部重绘”（打开源图像并涂出要重绘的区域），"
         "或为%2选择其他模型。",
         "Dies ist ein Inpainting-Modell (%1): Es malt einen maskierten Bereich eines Quellbildes neu. Wechseln Sie "
         "also zu Inpainting (öffnen Sie ein Quellbild und malen Sie den neu zu malenden Bereich), oder wählen Sie "
         "für %2 ein anderes Modell."),
    ],
    UI + "ModelLibrary": [
        ("%1 does not exist.", "%1 不存在。", "%1 existiert nicht."),
        ("it cannot be read", "无法读取", "es kann nicht gelesen werden"),
        ("%1 is not a diffusers model folder (one with a model_index.json): %2",
         "%1 不是 diffusers 模型文件夹（包含 model_index.json 的文件夹）：%2",
         "%1 ist kein diffusers-Modellordner (einer mit model_index.json): %2"),
        ("%1 is not a model Gesso can read: %2", "%1 不是 Gesso 能读取的模型：%2",
         "%1 ist kein Modell, das Gesso lesen kann: %2"),
        ("%1 is a %2, not a model: put it in the models folder's %3 folder instead.",
         "%1 是 %2，不是模型：请将它放入模型文件夹的 %3 子文件夹。",
         "%1 ist ein(e) %2, kein Modell: Legen Sie es stattdessen in den Ordner %3 des Modellordners."),
        ("%1 is a %2 model, which the Generate form does not run (%3).", "%1 是 %2 模型，“生成”表单不运行此类模型（%3）。",
         "%1 ist ein %2-Modell, das das Generieren-Formular nicht ausführt (%3)."),
        ("use File > Upscale", "请使用“文件 > 放大”", "verwenden Sie Datei > Hochskalieren"),
        ("pick the DeepFloyd IF mode", "请选择 DeepFloyd IF 模式", "wählen Sie den Modus DeepFloyd IF"),
        ("%1 is a file, not a folder: add a checkpoint file with the model list's \"Add folder…\", or put it in the "
         "models folder.",
         "%1 是文件而不是文件夹：请用模型列表的“添加文件夹…”添加 checkpoint 文件，或将它放入模型文件夹。",
         "%1 ist eine Datei, kein Ordner: Fügen Sie eine Checkpoint-Datei mit „Ordner hinzufügen…“ der Modellliste "
         "hinzu, oder legen Sie sie in den Modellordner."),
        ("%1 cannot be read.", "无法读取 %1。", "%1 kann nicht gelesen werden."),
        ("%1 is listed already.", "%1 已在列表中。", "%1 ist bereits aufgeführt."),
        ("%1 is inside the models folder, which is scanned already.", "%1 位于模型文件夹内，该文件夹已被扫描。",
         "%1 liegt im Modellordner, der bereits durchsucht wird."),
    ],
    UI + "OptimizationPanel": [
        ("Needs an NVIDIA graphics card with CUDA; this computer has none, so Gesso runs on the processor.",
         "需要支持 CUDA 的 NVIDIA 显卡；本机没有，因此 Gesso 在处理器上运行。",
         "Erfordert eine NVIDIA-Grafikkarte mit CUDA; dieser Computer hat keine, daher läuft Gesso auf dem Prozessor."),
        ("Max speed: the fastest settings, 175 steps a second at 512×512 on an H200 with 2.5 GiB of VRAM. Balanced: "
         "half precision and the defaults, 104 steps a second, 2.5 GiB. Low VRAM (6 GB): 1.8 GiB at nearly full "
         "speed. Tiny VRAM (4 GB): 0.6 GiB, several times slower. Every preset makes the same kind of image; only "
         "speed and memory change.",
         "最快速度：最快的设置，在 H200 上 512×512 每秒 175 步，占用 2.5 GiB 显存。均衡：半精度和默认设置，每秒 104 步，"
         "2.5 GiB。低显存（6 GB）：1.8 GiB，速度几乎不变。极低显存（4 GB）：0.6 GiB，慢好几倍。每种预设生成的图像都一样；"
         "只有速度和显存占用不同。",
         "Maximale Geschwindigkeit: die schnellsten Einstellungen, 175 Schritte pro Sekunde bei 512×512 auf einer "
         "H200 mit 2.5 GiB VRAM. Ausgewogen: halbe Genauigkeit und die Standardwerte, 104 Schritte pro Sekunde, "
         "2.5 GiB. Wenig VRAM (6 GB): 1.8 GiB bei nahezu voller Geschwindigkeit. Sehr wenig VRAM (4 GB): 0.6 GiB, "
         "um ein Mehrfaches langsamer. Jede Voreinstellung erzeugt dieselbe Art von Bild; nur Geschwindigkeit und "
         "Speicher ändern sich."),
        ("The graphics memory this run needs at its peak, estimated from the model's size, the image size and the "
         "settings (within about 10% of what an H200 measured)",
         "本次运行在峰值时所需的显存，根据模型大小、图像尺寸和各项设置估算（与 H200 实测值相差约 10% 以内）",
         "Der Grafikspeicher, den dieser Durchlauf in der Spitze braucht, geschätzt aus Modellgröße, Bildgröße und "
         "Einstellungen (auf etwa 10 % genau gegenüber Messungen auf einer H200)"),
        ("Auto uses the NVIDIA graphics card when there is one, else the processor (far slower: minutes an image).",
         "“自动”在有 NVIDIA 显卡时使用显卡，否则使用处理器（慢得多：每张图像需要数分钟）。",
         "„Automatisch“ nutzt die NVIDIA-Grafikkarte, wenn es eine gibt, sonst den Prozessor (weit langsamer: Minuten "
         "pro Bild)."),
        ("Half precision: nearly twice as fast with half the memory (45 steps a second and 2.6 GiB against full "
         "precision's 26 and 5.2 GiB, SD 1.5 at 512×512 on an H200); the image changes very little. Brain float: "
         "half's memory, fewer black images, slightly different images.",
         "半精度：速度几乎翻倍，显存减半（每秒 45 步、2.6 GiB，而全精度为 26 步、5.2 GiB；SD 1.5，512×512，H200）；"
         "图像变化极小。Brain float：显存与半精度相同，黑图更少，图像略有不同。",
         "Halbe Genauigkeit: fast doppelt so schnell mit halbem Speicher (45 Schritte pro Sekunde und 2.6 GiB "
         "gegenüber 26 und 5.2 GiB bei voller Genauigkeit, SD 1.5 bei 512×512 auf einer H200); das Bild ändert sich "
         "sehr wenig. Brain Float: Speicher wie bei halber Genauigkeit, weniger schwarze Bilder, leicht andere Bilder."),
        ("Fixes the black or broken images some models give at half precision; the last step (turning the result "
         "into pixels) then needs twice the memory. Same speed.",
         "修复某些模型在半精度下产生的黑图或损坏图像；最后一步（将结果转换为像素）随之需要两倍显存。速度不变。",
         "Behebt die schwarzen oder kaputten Bilder, die manche Modelle bei halber Genauigkeit liefern; der letzte "
         "Schritt (das Ergebnis in Pixel umwandeln) braucht dann doppelt so viel Speicher. Gleiche Geschwindigkeit."),
        ("Full precision only: faster (26 → 38 steps a second on an H200); the image changes too little to see. No "
         "effect at half precision.",
         "仅限全精度：更快（在 H200 上每秒 26 → 38 步）；图像变化小到看不出。半精度下无效。",
         "Nur bei voller Genauigkeit: schneller (26 → 38 Schritte pro Sekunde auf einer H200); das Bild ändert sich "
         "unsichtbar wenig. Bei halber Genauigkeit ohne Wirkung."),
        ("Gesso's own graphics-card code for the model's most frequent steps: faster (75 → 104 steps a second on an "
         "H200; 93 → 175 with Channels-last and CUDA graphs); the image changes too little to see. Off: the same code "
         "diffusers runs.",
         "Gesso 为模型最常用的步骤编写的显卡代码：更快（在 H200 上每秒 75 → 104 步；配合 Channels-last 和 CUDA graphs 为 "
         "93 → 175）；图像变化小到看不出。关闭：使用与 diffusers 相同的代码。",
         "Gessos eigener Grafikkarten-Code für die häufigsten Schritte des Modells: schneller (75 → 104 Schritte pro "
         "Sekunde auf einer H200; 93 → 175 mit Channels-last und CUDA graphs); das Bild ändert sich unsichtbar wenig. "
         "Aus: derselbe Code, den diffusers ausführt."),
        ("Records each step once per image size and replays it: much faster (45 → 83 steps a second on an H200) for "
         "a little more memory (0.03 GiB); the first image of each size takes about 1 s longer. Same image. Not with "
         "per-layer offload.",
         "每种图像尺寸录制一次每个步骤并重放：快得多（在 H200 上每秒 45 → 83 步），只多占一点显存（0.03 GiB）；每种尺寸的"
         "第一张图像多花约 1 秒。图像相同。不能与按层卸载同时使用。",
         "Zeichnet jeden Schritt einmal pro Bildgröße auf und spielt ihn wieder ab: viel schneller (45 → 83 Schritte "
         "pro Sekunde auf einer H200) für etwas mehr Speicher (0.03 GiB); das erste Bild jeder Größe dauert etwa 1 s "
         "länger. Gleiches Bild. Nicht mit Offload pro Schicht."),
        ("Stores the image data in the order the graphics card reads fastest: alone a little slower (45 → 39 steps a "
         "second on an H200, slightly less memory); with CUDA graphs the fastest setting (101). The image changes too "
         "little to see.",
         "按显卡读取最快的顺序存储图像数据：单独使用时稍慢（在 H200 上每秒 45 → 39 步，显存略少）；配合 CUDA graphs 则是最快"
         "的设置（101）。图像变化小到看不出。",
         "Speichert die Bilddaten in der Reihenfolge, die die Grafikkarte am schnellsten liest: allein etwas langsamer "
         "(45 → 39 Schritte pro Sekunde auf einer H200, etwas weniger Speicher); mit CUDA graphs die schnellste "
         "Einstellung (101). Das Bild ändert sich unsichtbar wenig."),
        ("Tune for each image size", "为每种图像尺寸调优", "Für jede Bildgröße abstimmen"),
        ("Tries several ways of running the model on the first image of each size and keeps the fastest: barely "
         "faster (45 → 46 steps a second on an H200) for 0.06 GiB more; that first image is slower. Same image.",
         "在每种尺寸的第一张图像上尝试几种运行模型的方式，保留最快的：几乎没有提速（在 H200 上每秒 45 → 46 步），多占 "
         "0.06 GiB；第一张图像较慢。图像相同。",
         "Probiert beim ersten Bild jeder Größe mehrere Arten, das Modell auszuführen, und behält die schnellste: "
         "kaum schneller (45 → 46 Schritte pro Sekunde auf einer H200) für 0.06 GiB mehr; dieses erste Bild ist "
         "langsamer. Gleiches Bild."),
        ("How the model relates each part of the image to the others. Auto lets PyTorch choose (45 steps a second, "
         "2.6 GiB on an H200); NVIDIA's kernel is the fastest there (71) for the same memory; Classic and Math are "
         "slower and need more memory. Nearly the same image with each.",
         "模型如何将图像的各部分相互关联。“自动”由 PyTorch 选择（在 H200 上每秒 45 步，2.6 GiB）；NVIDIA 的内核在那里最快"
         "（71），显存相同；“经典”和 Math 更慢且需要更多显存。每种方式的图像几乎相同。",
         "Wie das Modell jeden Teil des Bildes mit den anderen in Beziehung setzt. „Automatisch“ lässt PyTorch wählen "
         "(45 Schritte pro Sekunde, 2.6 GiB auf einer H200); der Kernel von NVIDIA ist dort der schnellste (71) bei "
         "gleichem Speicher; Klassisch und Math sind langsamer und brauchen mehr Speicher. Mit jedem nahezu dasselbe "
         "Bild."),
        ("PyTorch chooses: 45 steps a second, 2.6 GiB on an H200", "由 PyTorch 选择：在 H200 上每秒 45 步，2.6 GiB",
         "PyTorch wählt: 45 Schritte pro Sekunde, 2.6 GiB auf einer H200"),
        ("48 steps a second, 2.7 GiB on an H200", "在 H200 上每秒 48 步，2.7 GiB",
         "48 Schritte pro Sekunde, 2.7 GiB auf einer H200"),
        ("51 steps a second, 2.7 GiB on an H200", "在 H200 上每秒 51 步，2.7 GiB",
         "51 Schritte pro Sekunde, 2.7 GiB auf einer H200"),
        ("27 steps a second, 4.4 GiB on an H200: the slowest, the most memory",
         "在 H200 上每秒 27 步，4.4 GiB：最慢，显存占用最多",
         "27 Schritte pro Sekunde, 4.4 GiB auf einer H200: am langsamsten, am meisten Speicher"),
        ("NVIDIA's kernel", "NVIDIA 的内核", "NVIDIA-Kernel"),
        ("71 steps a second, 2.7 GiB: the fastest on an H200", "每秒 71 步，2.7 GiB：在 H200 上最快",
         "71 Schritte pro Sekunde, 2.7 GiB: auf einer H200 am schnellsten"),
        ("Classic", "经典", "Klassisch"),
        ("41 steps a second, 3.7 GiB on an H200: the way diffusers has always done it",
         "在 H200 上每秒 41 步，3.7 GiB：diffusers 一贯的做法",
         "41 Schritte pro Sekunde, 3.7 GiB auf einer H200: so, wie diffusers es immer gemacht hat"),
        ("Keeps parts of the model in the computer's memory until they are needed. Per part: less graphics memory "
         "(2.6 → 1.8 GiB on an H200) at full speed, with 2 GB of the computer's memory set aside. Per layer: the "
         "least (0.6 GiB), several times slower. Same image.",
         "将模型的各部分留在计算机内存中，直到需要时才载入。按部分：显存更少（在 H200 上 2.6 → 1.8 GiB），速度不变，"
         "需预留 2 GB 计算机内存。按层：最少（0.6 GiB），慢好几倍。图像相同。",
         "Hält Teile des Modells im Arbeitsspeicher des Computers, bis sie gebraucht werden. Pro Teil: weniger "
         "Grafikspeicher (2.6 → 1.8 GiB auf einer H200) bei voller Geschwindigkeit, mit 2 GB reserviertem "
         "Arbeitsspeicher. Pro Schicht: am wenigsten (0.6 GiB), um ein Mehrfaches langsamer. Gleiches Bild."),
        ("Per part of the model", "按模型部分", "Pro Modellteil"),
        ("Per layer (slow)", "按层（慢）", "Pro Schicht (langsam)"),
        ("Turns the result into pixels tile by tile: far less memory for large images (1024×1024: 4.4 → 2.6 GiB on "
         "an H200) at no speed cost; faint seams may show. No change at the model's own size.",
         "逐块将结果转换为像素：大图像所需显存少得多（1024×1024：在 H200 上 4.4 → 2.6 GiB），不损失速度；可能出现轻微接缝。"
         "在模型原生尺寸下无变化。",
         "Wandelt das Ergebnis Kachel für Kachel in Pixel um: weit weniger Speicher für große Bilder (1024×1024: "
         "4.4 → 2.6 GiB auf einer H200) ohne Geschwindigkeitsverlust; schwache Nähte können sichtbar sein. Bei der "
         "nativen Größe des Modells keine Änderung."),
        ("Turns a batch into pixels one image at a time: less memory for batches, same images; no change for one "
         "image.",
         "逐张将一个批次转换为像素：批量时显存更少，图像相同；单张图像时无变化。",
         "Wandelt einen Batch Bild für Bild in Pixel um: weniger Speicher bei Batches, gleiche Bilder; keine Änderung "
         "bei einem Bild."),
        ("Relates the parts of the image a few at a time: saves memory only with the Math or Classic attention; with "
         "the others 30% slower (32 steps a second on an H200) and no saving. Same image.",
         "每次只关联图像的少数几个部分：仅在使用 Math 或“经典”注意力时节省显存；使用其他方式时慢 30%（在 H200 上每秒 32 步）"
         "且不节省。图像相同。",
         "Setzt die Teile des Bildes jeweils zu wenigen in Beziehung: spart nur mit der Attention Math oder Klassisch "
         "Speicher; mit den anderen 30 % langsamer (32 Schritte pro Sekunde auf einer H200) und keine Ersparnis. "
         "Gleiches Bild."),
        ("Gives the graphics memory Gesso keeps back to other programs; the next run starts about 1 s slower.",
         "将 Gesso 保留的显存交还给其他程序；下次运行的启动会慢约 1 秒。",
         "Gibt den Grafikspeicher, den Gesso zurückhält, an andere Programme zurück; der nächste Durchlauf startet "
         "etwa 1 s langsamer."),
    ],
    UI + "OutpaintPanel": [
        ("Extend canvas (outpainting)", "扩展画布（外绘）", "Leinwand erweitern (Outpainting)"),
        ("Adds pixels on the chosen sides of the source image and marks them for repainting: the run then paints what "
         "lies beyond the picture's edges",
         "在源图像的选定边上添加像素并将其标记为待重绘：运行时会画出画面边缘之外的内容",
         "Fügt an den gewählten Seiten des Quellbildes Pixel hinzu und markiert sie zum Neumalen: Der Durchlauf malt "
         "dann, was jenseits der Bildränder liegt"),
        ("Pixels added on the left", "左侧添加的像素", "Links hinzugefügte Pixel"),
        ("Pixels added on the right", "右侧添加的像素", "Rechts hinzugefügte Pixel"),
        ("Pixels added at the top", "顶部添加的像素", "Oben hinzugefügte Pixel"),
        ("Pixels added at the bottom", "底部添加的像素", "Unten hinzugefügte Pixel"),
        ("Left", "左", "Links"),
        ("Right", "右", "Rechts"),
        ("Top", "上", "Oben"),
        ("Bottom", "下", "Unten"),
        (" px", " 像素", " px"),
        ("Pixels of the old image along each extended side that are repainted too, so that the seam between old and "
         "new disappears",
         "沿每条扩展边一并重绘的原图像素，使新旧之间的接缝消失",
         "Pixel des alten Bildes entlang jeder erweiterten Seite, die ebenfalls neu gemalt werden, damit die Naht "
         "zwischen Alt und Neu verschwindet"),
        ("Overlap", "重叠", "Überlappung"),
        ("Fill", "填充", "Füllung"),
        ("Extend canvas", "扩展画布", "Leinwand erweitern"),
        ("Grow the source image, mask the new area and switch to Inpaint", "扩大源图像，为新区域添加蒙版并切换到局部重绘",
         "Vergrößert das Quellbild, maskiert den neuen Bereich und wechselt zu Inpainting"),
        (" (a multiple of 8: other values are rounded up)", "（8 的倍数：其他值会向上取整）",
         " (ein Vielfaches von 8: andere Werte werden aufgerundet)"),
        ("The edge's colours, blurred outwards, and the model starts from them smoothed over: the usual choice",
         "将边缘的颜色向外模糊扩展，模型从平滑后的结果开始：通常的选择",
         "Die Farben des Randes, nach außen verwischt; das Modell beginnt mit ihnen geglättet: die übliche Wahl"),
        ("Original", "原图", "Original"),
        ("The edge's pixels stretched outwards, and the model starts from them (a strength near 1 repaints the "
         "streaks)",
         "将边缘像素向外拉伸，模型从它们开始（重绘幅度接近 1 时会重绘这些条纹）",
         "Die Pixel des Randes nach außen gestreckt; das Modell beginnt mit ihnen (eine Stärke nahe 1 übermalt die "
         "Streifen)"),
        ("Mirror", "镜像", "Spiegeln"),
        ("The picture mirrored at its edge, and the model starts from it", "画面在边缘处镜像，模型从它开始",
         "Das Bild an seinem Rand gespiegelt; das Modell beginnt damit"),
        ("Latent noise", "潜空间噪声", "Latentes Rauschen"),
        ("The model starts from pure noise in the new area: anything can appear (use a strength near 1)",
         "模型在新区域从纯噪声开始：可能出现任何内容（请使用接近 1 的重绘幅度）",
         "Das Modell beginnt im neuen Bereich mit reinem Rauschen: Alles kann erscheinen (verwenden Sie eine Stärke "
         "nahe 1)"),
        ("Latent nothing", "空白潜空间", "Latent leer"),
        ("The model starts from an empty latent in the new area: flat, for a strength near 1",
         "模型在新区域从空白潜空间开始：平坦，适用于接近 1 的重绘幅度",
         "Das Modell beginnt im neuen Bereich mit einem leeren Latent: flach, für eine Stärke nahe 1"),
        ("What the new area starts from (AUTOMATIC1111's masked content)", "新区域的起始内容（AUTOMATIC1111 的蒙版区域内容）",
         "Womit der neue Bereich beginnt (Maskierter Inhalt bei AUTOMATIC1111)"),
        ("Open a source image first (File > Open source image, or drop one), then extend it.",
         "请先打开源图像（文件 > 打开源图像，或拖入一张），然后再扩展。",
         "Öffnen Sie zuerst ein Quellbild (Datei > Quellbild öffnen, oder ziehen Sie eines herein), und erweitern Sie "
         "es dann."),
        ("Choose how many pixels to add on at least one side.", "请至少为一条边选择要添加的像素数。",
         "Wählen Sie, wie viele Pixel an mindestens einer Seite hinzugefügt werden."),
    ],
    UI + "ParametersBridge": [
        ("Hires. fix cannot be restored: %1", "无法恢复高分辨率修复：%1", "Hires. fix kann nicht wiederhergestellt werden: %1"),
        ("The upscaler \"%1\" is not in Gesso: Hires. fix uses Latent.", "Gesso 中没有放大算法“%1”：高分辨率修复将使用 Latent。",
         "Den Upscaler „%1“ gibt es in Gesso nicht: Hires. fix verwendet Latent."),
        ("The inpainting options cannot be restored: %1", "无法恢复局部重绘选项：%1",
         "Die Inpainting-Optionen können nicht wiederhergestellt werden: %1"),
    ],
    UI + "QueuePanel": [
        ("Up", "上移", "Hoch"),
        ("Run the selected item earlier", "提前运行所选项目", "Den gewählten Eintrag früher ausführen"),
        ("Down", "下移", "Runter"),
        ("Run the selected item later", "推后运行所选项目", "Den gewählten Eintrag später ausführen"),
        ("Remove", "移除", "Entfernen"),
        ("Take the selected item out of the queue", "将所选项目移出队列", "Den gewählten Eintrag aus der Warteschlange nehmen"),
        ("Clear", "清空", "Leeren"),
        ("Empty the queue (the running item goes on)", "清空队列（正在运行的项目继续）",
         "Die Warteschlange leeren (der laufende Eintrag läuft weiter)"),
        ("Generate forever", "无限生成", "Endlos generieren"),
        ("When the queue is empty, generate again from the form with a new random seed, until this is turned off",
         "队列为空时，使用新的随机种子按表单再次生成，直到关闭此项",
         "Wenn die Warteschlange leer ist, erneut aus dem Formular mit einem neuen zufälligen Seed generieren, bis "
         "dies ausgeschaltet wird"),
        ("Nothing is running. Generate while a run is going adds to the queue.", "当前没有运行。运行期间点击“生成”会加入队列。",
         "Nichts läuft. „Generieren“ während eines Durchlaufs fügt zur Warteschlange hinzu."),
        ("Running: %1", "正在运行：%1", "Läuft: %1"),
    ],
    UI + "ReadoutBar": [
        ("Starting…", "正在启动…", "Startet…"),
    ],
}
for _context, _rows in ISSUE_18.items():
    TABLE.setdefault(_context, []).extend(_rows)

LANGUAGES = ("zh_CN", "de")

# (context, source) -> {language: translation (str) or numerus forms (list of str)}
TRANSLATIONS = {
    (context, source): dict(zip(LANGUAGES, texts))
    for context, rows in TABLE.items()
    for source, *texts in rows
}

PLACEHOLDER = re.compile(r"%L?([1-9][0-9]?)")
ACCELERATOR = re.compile(r"&(?!&)(?=\S)")


def placeholders(text):
    return sorted(set(PLACEHOLDER.findall(text)))


def accelerators(text):
    return len(ACCELERATOR.findall(text.replace("&&", "")))


def check_table():
    """Problems of the table itself: wrong placeholders, forms or accelerators."""
    problems = []
    for (context, source), by_language in TRANSLATIONS.items():
        numerus = "%n" in source
        for language, text in by_language.items():
            forms = text if isinstance(text, list) else [text]
            where = f"{language} {context} {source!r}"
            if numerus != isinstance(text, list):
                problems.append(f"{where}: a %n message needs a list of forms, any other a string")
            elif numerus and len(forms) != NUMERUS_FORMS[language]:
                problems.append(f"{where}: {len(forms)} numerus forms, {NUMERUS_FORMS[language]} expected")
            for form in forms:
                if not form.strip():
                    problems.append(f"{where}: empty translation")
                if placeholders(form) != placeholders(source):
                    problems.append(f"{where}: placeholders {placeholders(form)} != {placeholders(source)}")
                if numerus and "%n" not in form:
                    problems.append(f"{where}: %n missing in {form!r}")
                if accelerators(form) != accelerators(source):
                    problems.append(f"{where}: {accelerators(form)} accelerators, the source has {accelerators(source)}")
    return problems


def protect(text):
    """Escapes as lupdate does (ts.cpp's protect())."""
    out = []
    for ch in text:
        if ch == "&":
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch == '"':
            out.append("&quot;")
        elif ch == "'":
            out.append("&apos;")
        elif ord(ch) < 0x20 and ch not in "\n\t\r":
            out.append(f"&#x{ord(ch):x};")
        else:
            out.append(ch)
    return "".join(out)


CONTEXT_RE = re.compile(r"<context>(.*?)</context>", re.S)
NAME_RE = re.compile(r"<name>(.*?)</name>", re.S)
MESSAGE_RE = re.compile(r"(?P<indent>[ \t]*)<message(?P<attrs>[^>]*)>(?P<body>.*?)</message>", re.S)
SOURCE_RE = re.compile(r"<source>(.*?)</source>", re.S)
COMMENT_RE = re.compile(r"<comment>(.*?)</comment>", re.S)
TRANSLATION_RE = re.compile(r"(?P<indent>[ \t]*)<translation(?P<attrs>[^>]*?)(?:/>|>(?P<text>.*?)</translation>)", re.S)
NUMERUSFORM_RE = re.compile(r"<numerusform[^>]*>(.*?)</numerusform>|<numerusform[^>]*/>", re.S)


def translation_xml(indent, text, numerus):
    if not numerus:
        return f"{indent}<translation>{protect(text)}</translation>"
    inner = "".join(f"\n{indent}    <numerusform>{protect(form)}</numerusform>" for form in text)
    return f"{indent}<translation>{inner}\n{indent}</translation>"


def fill(path, overwrite, write):
    content = path.read_text(encoding="utf-8")
    language_match = re.search(r'<TS[^>]*\blanguage="([^"]+)"', content)
    language = language_match.group(1) if language_match else path.stem.split("_", 1)[1]
    if language not in LANGUAGES:  # de_DE: the German column
        language = language.split("_")[0]
    if language not in LANGUAGES:
        raise SystemExit(f"{path}: no column for language {language}")
    known_contexts = {context for context, _ in TRANSLATIONS}
    stats = {"messages": 0, "filled": 0, "updated": 0, "finished": 0}
    unknown, bare_contexts = [], set()

    def on_context(context_match):
        block = context_match.group(0)
        context = html.unescape(NAME_RE.search(block).group(1))
        if "::" not in context and UI + context in known_contexts:
            bare_contexts.add(context)

        def on_message(message_match):
            body = message_match.group("body")
            attrs = message_match.group("attrs")
            source = html.unescape(SOURCE_RE.search(body).group(1))
            comment_match = COMMENT_RE.search(body)
            comment = html.unescape(comment_match.group(1)) if comment_match else ""
            numerus = 'numerus="yes"' in attrs
            t = TRANSLATION_RE.search(body)
            t_attrs = t.group("attrs")
            if 'type="vanished"' in t_attrs or 'type="obsolete"' in t_attrs:
                return message_match.group(0)
            stats["messages"] += 1
            if numerus:
                current = [html.unescape(f or "") for f in NUMERUSFORM_RE.findall(t.group("text") or "")]
            else:
                current = html.unescape(t.group("text") or "")
            unfinished = 'type="unfinished"' in t_attrs or not any(
                (current if numerus else [current]))
            entry = TRANSLATIONS.get((context, source, comment)) or TRANSLATIONS.get((context, source))
            wanted = entry.get(language) if entry else None
            if wanted is None:
                if unfinished:
                    unknown.append((context, source))
                else:
                    stats["finished"] += 1
                return message_match.group(0)
            if not unfinished and (not overwrite or current == wanted):
                stats["finished"] += 1
                return message_match.group(0)
            stats["filled" if unfinished else "updated"] += 1
            stats["finished"] += 1
            new_body = body[: t.start()] + translation_xml(t.group("indent"), wanted, numerus) + body[t.end():]
            return f"{message_match.group('indent')}<message{attrs}>{new_body}</message>"

        return MESSAGE_RE.sub(on_message, block)

    new_content = CONTEXT_RE.sub(on_context, content)
    ET.fromstring(new_content.encode("utf-8"))  # still well-formed XML
    if write and new_content != content:
        path.write_text(new_content, encoding="utf-8")
    return language, stats, unknown, bare_contexts


def main():
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("ts", nargs="*", type=Path, help="the .ts files (default: gesso_*.ts next to this script)")
    parser.add_argument("--check", action="store_true", help="report only, write nothing")
    parser.add_argument("--overwrite", action="store_true", help="replace finished translations that differ")
    args = parser.parse_args()

    problems = check_table()
    if problems:
        print("Bad table entries:", *problems, sep="\n  ", file=sys.stderr)
        return 2

    files = args.ts or sorted(here.glob("gesso_*.ts"))
    status = 0
    for path in files:
        language, stats, unknown, bare = fill(path, args.overwrite, not args.check)
        verb = "would fill" if args.check else "filled"
        print(f"{path.name} ({language}): {stats['messages']} messages, {verb} {stats['filled']}, "
              f"updated {stats['updated']}, {stats['finished']} finished, {len(unknown)} unfinished")
        for context in sorted(bare):
            print(f"  context {context!r} should be {UI + context!r}: run lupdate with -I . (see the top of this "
                  f"script); these messages would never be looked up at run time")
        for context, source in unknown:
            print(f"  not in the table: ({context!r}, {source!r})")
        if unknown:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
