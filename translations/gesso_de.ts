<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>HistoryStore</name>
    <message>
        <source>Cannot create the history folder %1</source>
        <translation>Der Verlaufsordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>The Qt SQLite driver (QSQLITE) is not available</source>
        <translation>Der Qt-SQLite-Treiber (QSQLITE) ist nicht verfügbar</translation>
    </message>
    <message>
        <source>Cannot open the history database %1</source>
        <translation>Die Verlaufsdatenbank %1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 is not a readable history database (damaged?)</source>
        <translation>%1 ist keine lesbare Verlaufsdatenbank (beschädigt?)</translation>
    </message>
    <message>
        <source>%1 was written by a newer Gesso (history schema %2; this version reads up to %3)</source>
        <translation>%1 wurde von einer neueren Gesso-Version geschrieben (Verlaufsschema %2; diese Version liest bis %3)</translation>
    </message>
    <message>
        <source>Cannot start a transaction</source>
        <translation>Es kann keine Transaktion gestartet werden</translation>
    </message>
    <message>
        <source>Cannot create the history tables</source>
        <translation>Die Verlaufstabellen können nicht angelegt werden</translation>
    </message>
    <message>
        <source>History database error</source>
        <translation>Fehler in der Verlaufsdatenbank</translation>
    </message>
    <message>
        <source>The history database is not open</source>
        <translation>Die Verlaufsdatenbank ist nicht geöffnet</translation>
    </message>
    <message>
        <source>Cannot add to the history</source>
        <translation>Der Eintrag kann nicht zum Verlauf hinzugefügt werden</translation>
    </message>
    <message>
        <source>Cannot read the history</source>
        <translation>Der Verlauf kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>No history entry %1</source>
        <translation>Kein Verlaufseintrag %1</translation>
    </message>
    <message>
        <source>Cannot remove from the history</source>
        <translation>Der Eintrag kann nicht aus dem Verlauf entfernt werden</translation>
    </message>
    <message>
        <source>Removed from the history, but cannot delete %1</source>
        <translation>Aus dem Verlauf entfernt, aber %1 kann nicht gelöscht werden</translation>
    </message>
</context>
<context>
    <name>ResultSaver</name>
    <message>
        <source>Cannot create a folder in %1: choose another output folder.</source>
        <translation>In %1 kann kein Ordner angelegt werden: Wählen Sie einen anderen Ausgabeordner.</translation>
    </message>
    <message>
        <source>Saved %1, but the history could not record it: %2</source>
        <translation>%1 gespeichert, aber der Verlauf konnte es nicht aufnehmen: %2</translation>
    </message>
</context>
<context>
    <name>SettingsStore</name>
    <message>
        <source>Cannot read the settings file %1; using the defaults</source>
        <translation>Die Einstellungsdatei %1 kann nicht gelesen werden; es gelten die Standardwerte</translation>
    </message>
    <message>
        <source>Cannot create the settings folder %1</source>
        <translation>Der Einstellungsordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot remove the stale %1</source>
        <translation>Die veraltete Datei %1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>Cannot write the settings file %1</source>
        <translation>Die Einstellungsdatei %1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Cannot replace the settings file %1: %2</source>
        <translation>Die Einstellungsdatei %1 kann nicht ersetzt werden: %2</translation>
    </message>
</context>
<context>
    <name>gesso::ui::ControlNetPanel</name>
    <message>
        <source>Gesso&apos;s preprocessors need no model of their own. For depth, pose or segmentation, bring a map made elsewhere and choose the preprocessor &quot;none&quot;.</source>
        <translation>Die Präprozessoren von Gesso brauchen kein eigenes Modell. Für Tiefe, Pose oder Segmentierung bringen Sie eine anderswo erstellte Karte mit und wählen den Präprozessor „none“.</translation>
    </message>
    <message>
        <source>Add unit</source>
        <translation>Einheit hinzufügen</translation>
    </message>
    <message>
        <source>Another ControlNet: the controls of all enabled units add up</source>
        <translation>Ein weiteres ControlNet: Die Steuerungen aller aktivierten Einheiten addieren sich</translation>
    </message>
    <message>
        <source>ControlNet unit %1 is enabled but has no model: choose one (the models folder&apos;s ControlNet folder) or disable the unit.</source>
        <translation>Die ControlNet-Einheit %1 ist aktiviert, hat aber kein Modell: Wählen Sie eines (der Ordner ControlNet des Modellordners) oder deaktivieren Sie die Einheit.</translation>
    </message>
    <message>
        <source>ControlNet unit %1 has no image: open or drop one (in text to image there is no source image to use).</source>
        <translation>Die ControlNet-Einheit %1 hat kein Bild: Öffnen Sie eines oder ziehen Sie eines hierher (bei Text zu Bild gibt es kein Quellbild).</translation>
    </message>
</context>
<context>
    <name>gesso::ui::ControlNetUnitWidget</name>
    <message>
        <source>Open control image</source>
        <translation>Steuerbild öffnen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp *.bmp)</translation>
    </message>
    <message>
        <source>Show or hide this unit&apos;s settings</source>
        <translation>Die Einstellungen dieser Einheit ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Only enabled units take part in a generation</source>
        <translation>Nur aktivierte Einheiten wirken bei einer Generierung mit</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove this unit</source>
        <translation>Diese Einheit entfernen</translation>
    </message>
    <message>
        <source>The control image: open one or drop one here. Without one, image to image and inpaint use the source image.</source>
        <translation>Das Steuerbild: Öffnen Sie eines oder ziehen Sie es hierher. Ohne eines verwenden Bild zu Bild und Inpainting das Quellbild.</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>Open a control image (a picture to preprocess, or a map made already)</source>
        <translation>Ein Steuerbild öffnen (ein Bild zum Vorverarbeiten oder eine fertige Karte)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Remove the control image: the source image is used instead (image to image, inpaint)</source>
        <translation>Das Steuerbild entfernen: Stattdessen wird das Quellbild verwendet (Bild zu Bild, Inpainting)</translation>
    </message>
    <message>
        <source>What the preprocessor makes of the image: the control the model sees</source>
        <translation>Was der Präprozessor aus dem Bild macht: die Steuerung, die das Modell sieht</translation>
    </message>
    <message>
        <source>What turns the image into the control image; &quot;none&quot; takes the image as the control image already</source>
        <translation>Was das Bild in das Steuerbild verwandelt; „none“ nimmt das Bild bereits als Steuerbild</translation>
    </message>
    <message>
        <source>Preprocessor</source>
        <translation>Präprozessor</translation>
    </message>
    <message>
        <source>The size of the image&apos;s short side the preprocessor works at; its result is scaled back to the image&apos;s size</source>
        <translation>Die Größe der kurzen Bildseite, mit der der Präprozessor arbeitet; sein Ergebnis wird auf die Bildgröße zurückskaliert</translation>
    </message>
    <message>
        <source>Preprocessor resolution</source>
        <translation>Präprozessor-Auflösung</translation>
    </message>
    <message>
        <source>The ControlNet model: the models folder&apos;s ControlNet folder (files and diffusers folders), of the same family as the checkpoint</source>
        <translation>Das ControlNet-Modell: der Ordner ControlNet des Modellordners (Dateien und diffusers-Ordner), aus derselben Familie wie der Checkpoint</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>How strongly the control steers the image (sd-webui-controlnet&apos;s Control Weight)</source>
        <translation>Wie stark die Steuerung das Bild lenkt („Control Weight“ in sd-webui-controlnet)</translation>
    </message>
    <message>
        <source>Control weight</source>
        <translation>Steuerungsgewicht</translation>
    </message>
    <message>
        <source>The fraction of the steps after which the control starts to apply</source>
        <translation>Der Anteil der Schritte, nach dem die Steuerung zu wirken beginnt</translation>
    </message>
    <message>
        <source>The fraction of the steps after which the control stops applying</source>
        <translation>Der Anteil der Schritte, nach dem die Steuerung zu wirken aufhört</translation>
    </message>
    <message>
        <source>Starting control step</source>
        <translation>Steuerung beginnt bei</translation>
    </message>
    <message>
        <source>Ending control step</source>
        <translation>Steuerung endet bei</translation>
    </message>
    <message>
        <source>The control and the prompt weigh as usual</source>
        <translation>Steuerung und Prompt wiegen wie üblich</translation>
    </message>
    <message>
        <source>The control fades through the model&apos;s depth: the prompt matters more</source>
        <translation>Die Steuerung klingt mit der Tiefe des Modells ab: Der Prompt zählt mehr</translation>
    </message>
    <message>
        <source>The control fades through the model&apos;s depth and applies to the prompt&apos;s half of the guidance only: the control matters more</source>
        <translation>Die Steuerung klingt mit der Tiefe des Modells ab und wirkt nur auf die Prompt-Hälfte der Führung: Die Steuerung zählt mehr</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>Ausgewogen</translation>
    </message>
    <message>
        <source>My prompt is more important</source>
        <translation>Mein Prompt ist wichtiger</translation>
    </message>
    <message>
        <source>ControlNet is more important</source>
        <translation>ControlNet ist wichtiger</translation>
    </message>
    <message>
        <source>How the control weighs against the prompt</source>
        <translation>Wie die Steuerung gegenüber dem Prompt gewichtet wird</translation>
    </message>
    <message>
        <source>Control mode</source>
        <translation>Steuerungsmodus</translation>
    </message>
    <message>
        <source>Just Resize</source>
        <translation>Nur skalieren</translation>
    </message>
    <message>
        <source>The control image is stretched to the output&apos;s size</source>
        <translation>Das Steuerbild wird auf die Ausgabegröße gestreckt</translation>
    </message>
    <message>
        <source>Crop and Resize</source>
        <translation>Zuschneiden und skalieren</translation>
    </message>
    <message>
        <source>The control image is scaled to cover the output and centre-cropped</source>
        <translation>Das Steuerbild wird so skaliert, dass es die Ausgabe bedeckt, und mittig zugeschnitten</translation>
    </message>
    <message>
        <source>Resize and Fill</source>
        <translation>Skalieren und auffüllen</translation>
    </message>
    <message>
        <source>The control image is scaled to fit inside the output and its border filled</source>
        <translation>Das Steuerbild wird so skaliert, dass es in die Ausgabe passt, und der Rand wird aufgefüllt</translation>
    </message>
    <message>
        <source>How a control image of another shape reaches the output&apos;s size</source>
        <translation>Wie ein Steuerbild anderer Form auf die Ausgabegröße gebracht wird</translation>
    </message>
    <message>
        <source>Resize mode</source>
        <translation>Größenanpassung</translation>
    </message>
    <message>
        <source>Guess mode</source>
        <translation>Guess-Modus</translation>
    </message>
    <message>
        <source>The control works without the prompt&apos;s help (on the prompt&apos;s half of the guidance only, growing with depth): for an empty or vague prompt</source>
        <translation>Die Steuerung wirkt ohne Hilfe des Prompts (nur auf die Prompt-Hälfte der Führung, mit der Tiefe zunehmend): für einen leeren oder vagen Prompt</translation>
    </message>
    <message>
        <source>Unit %1</source>
        <translation>Einheit %1</translation>
    </message>
    <message>
        <source>%1 is not an image Gesso can read.</source>
        <translation>%1 ist kein Bild, das Gesso lesen kann.</translation>
    </message>
    <message>
        <source>No image: the source image is used</source>
        <translation>Kein Bild: Das Quellbild wird verwendet</translation>
    </message>
    <message>
        <source>Drop an image here or open one</source>
        <translation>Ziehen Sie ein Bild hierher oder öffnen Sie eines</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keins</translation>
    </message>
    <message>
        <source>No model chosen: put ControlNet models into the models folder&apos;s ControlNet folder</source>
        <translation>Kein Modell gewählt: Legen Sie ControlNet-Modelle in den Ordner ControlNet des Modellordners</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>kein Modell</translation>
    </message>
    <message>
        <source>The preprocessor failed.</source>
        <translation>Der Präprozessor ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>The preprocessor failed: %1</source>
        <translation>Der Präprozessor ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Open a source image, or give this unit an image of its own.</source>
        <translation>Öffnen Sie ein Quellbild oder geben Sie dieser Einheit ein eigenes Bild.</translation>
    </message>
    <message>
        <source>Text to image needs a control image: open one or drop one here.</source>
        <translation>Text zu Bild braucht ein Steuerbild: Öffnen Sie eines oder ziehen Sie eines hierher.</translation>
    </message>
</context>
<context>
    <name>gesso::ui::DeepFloydPanel</name>
    <message>
        <source>Stage I: the image from the prompt</source>
        <translation>Stufe I: das Bild aus dem Prompt</translation>
    </message>
    <message>
        <source>Stage II: upscaled ×4</source>
        <translation>Stufe II: ×4 hochskaliert</translation>
    </message>
    <message>
        <source>Stage III: upscaled ×4 again (optional)</source>
        <translation>Stufe III: noch einmal ×4 hochskaliert (optional)</translation>
    </message>
    <message>
        <source>Clean up the caption</source>
        <translation>Prompt-Text bereinigen</translation>
    </message>
    <message>
        <source>DeepFloyd&apos;s caption clean-up before T5 reads the prompt (diffusers&apos; clean_caption): links, HTML, @names and stray symbols go. Off: the prompt is only lowercased.</source>
        <translation>DeepFloyds Textbereinigung, bevor T5 den Prompt liest (clean_caption von diffusers): Links, HTML, @Namen und verirrte Zeichen werden entfernt. Aus: Der Prompt wird nur in Kleinbuchstaben umgewandelt.</translation>
    </message>
    <message>
        <source>T5 on the CPU</source>
        <translation>T5 auf der CPU</translation>
    </message>
    <message>
        <source>Keep IF&apos;s T5-XXL text encoder (about 9.5 GB in fp16) in main memory and run it on the CPU: the GPU holds only the UNets. Each new prompt takes longer to encode.</source>
        <translation>IFs T5-XXL-Textencoder (etwa 9.5 GB in fp16) im Arbeitsspeicher halten und auf der CPU ausführen: Die GPU hält nur die UNets. Jeder neue Prompt braucht länger zum Kodieren.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>How closely this stage follows the prompt (CFG scale); 1 or less runs without guidance</source>
        <translation>Wie genau diese Stufe dem Prompt folgt (CFG-Skala); bei 1 oder weniger läuft sie ohne Guidance</translation>
    </message>
    <message>
        <source>Guidance scale</source>
        <translation>CFG-Skala</translation>
    </message>
    <message>
        <source>How much noise is added to the previous stage&apos;s image before this stage upscales it: more lets it invent more detail, and stray further from that image</source>
        <translation>Wie viel Rauschen dem Bild der vorigen Stufe hinzugefügt wird, bevor diese Stufe es hochskaliert: Mehr lässt sie mehr Details erfinden und weiter von diesem Bild abweichen</translation>
    </message>
    <message>
        <source>Noise level</source>
        <translation>Rauschstärke</translation>
    </message>
    <message>
        <source>The run&apos;s</source>
        <translation>Der des Laufs</translation>
    </message>
    <message>
        <source>A seed of this stage&apos;s own, to vary it alone. Empty: the run&apos;s seed, its noise going on from the stage before</source>
        <translation>Ein eigener Seed dieser Stufe, um nur sie zu variieren. Leer: der Seed des Laufs, dessen Rauschen an die vorige Stufe anschließt</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keins</translation>
    </message>
    <message>
        <source>stage I (IF-I, e.g. DeepFloyd/IF-I-XL-v1.0)</source>
        <translation>Stufe-I-Modell (IF-I, z. B. DeepFloyd/IF-I-XL-v1.0)</translation>
    </message>
    <message>
        <source>stage II (IF-II, e.g. DeepFloyd/IF-II-L-v1.0)</source>
        <translation>Stufe-II-Modell (IF-II, z. B. DeepFloyd/IF-II-L-v1.0)</translation>
    </message>
    <message>
        <source>The model library has no DeepFloyd IF %1. Put its diffusers folder (with model_index.json) into the models folder&apos;s Stable-diffusion folder, or add the folder under Settings &gt; Model library, then rescan.</source>
        <translation>Der Modellbibliothek fehlt das DeepFloyd-IF-%1. Legen Sie seinen diffusers-Ordner (mit model_index.json) in den Ordner Stable-diffusion des Modellordners oder fügen Sie den Ordner unter Einstellungen &gt; Modellbibliothek hinzu, und lesen Sie die Modelle dann neu ein.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>DeepFloyd IF needs a stage I and a stage II model: choose them in the DeepFloyd IF panel (the model library lists the IF-I and IF-II folders it found).</source>
        <translation>DeepFloyd IF braucht ein Stufe-I- und ein Stufe-II-Modell: Wählen Sie sie im DeepFloyd-IF-Bereich (die Modellbibliothek listet die gefundenen IF-I- und IF-II-Ordner).</translation>
    </message>
</context>
<context>
    <name>gesso::ui::EngineWorker</name>
    <message>
        <source>Out of main memory: lower the size or the batch, or close other programs</source>
        <translation>Arbeitsspeicher erschöpft: Verringern Sie die Größe oder den Batch, oder schließen Sie andere Programme</translation>
    </message>
    <message>
        <source>Generation failed with an unknown error</source>
        <translation>Die Generierung ist mit einem unbekannten Fehler fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>gesso::ui::GenerationPanel</name>
    <message>
        <source>Text to image</source>
        <translation>Text zu Bild</translation>
    </message>
    <message>
        <source>Image to image</source>
        <translation>Bild zu Bild</translation>
    </message>
    <message>
        <source>Inpaint</source>
        <translation>Inpainting</translation>
    </message>
    <message>
        <source>Choose a model folder (with model_index.json)</source>
        <translation>Modellordner wählen (mit model_index.json)</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Negative prompt</source>
        <translation>Negativ-Prompt</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>The seed of the noise the image starts from: the same seed and settings give the same image. Type -1 for a new random seed each time.</source>
        <translation>Der Seed des Rauschens, von dem das Bild ausgeht: Gleicher Seed und gleiche Einstellungen ergeben dasselbe Bild. Geben Sie -1 ein, um jedes Mal einen neuen zufälligen Seed zu verwenden.</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <source>Draw a new seed for every generation</source>
        <translation>Bei jeder Generierung einen neuen Seed ziehen</translation>
    </message>
    <message>
        <source>Pick a new random seed and keep it</source>
        <translation>Einen neuen zufälligen Seed ziehen und beibehalten</translation>
    </message>
    <message>
        <source>New random seed</source>
        <translation>Neuer zufälliger Seed</translation>
    </message>
    <message>
        <source>Reuse the seed of the last image</source>
        <translation>Seed des letzten Bildes wiederverwenden</translation>
    </message>
    <message>
        <source>Reuse last seed</source>
        <translation>Letzten Seed wiederverwenden</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>The models work in blocks of 8 pixels: other values are rounded to a multiple of 8</source>
        <translation>Die Modelle arbeiten in Blöcken von 8 Pixeln: Andere Werte werden auf ein Vielfaches von 8 gerundet</translation>
    </message>
    <message>
        <source>Swap width and height</source>
        <translation>Breite und Höhe tauschen</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Denoising steps: more take longer and add detail, up to a point</source>
        <translation>Entrauschungsschritte: Mehr dauern länger und bringen bis zu einem gewissen Punkt mehr Details</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>How closely the image follows the prompt (CFG scale); 5 to 9 is usual</source>
        <translation>Wie genau das Bild dem Prompt folgt (CFG-Skala); üblich sind 5 bis 9</translation>
    </message>
    <message>
        <source>Guidance scale</source>
        <translation>CFG-Skala</translation>
    </message>
    <message>
        <source>Sampler</source>
        <translation>Sampler</translation>
    </message>
    <message>
        <source>How many runs, one after the other</source>
        <translation>Wie viele Durchläufe nacheinander</translation>
    </message>
    <message>
        <source>Batch count</source>
        <translation>Batch-Anzahl</translation>
    </message>
    <message>
        <source>Images made together in one run: faster per image, more memory</source>
        <translation>Bilder, die in einem Durchlauf gemeinsam entstehen: schneller pro Bild, mehr Speicher</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batch-Größe</translation>
    </message>
    <message>
        <source>How much of the image is repainted: low keeps it close to the original, 1 starts from pure noise</source>
        <translation>Wie stark das Bild neu gemalt wird: Niedrige Werte bleiben nah am Original, 1 beginnt mit reinem Rauschen</translation>
    </message>
    <message>
        <source>Denoising strength</source>
        <translation>Entrauschungsstärke</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generieren</translation>
    </message>
    <message>
        <source>Generate (Ctrl+Return)</source>
        <translation>Generieren (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the run after the current step (Esc)</source>
        <translation>Den Durchlauf nach dem aktuellen Schritt anhalten (Esc)</translation>
    </message>
    <message>
        <source>The model reads the first %1 tokens; the engine cuts the rest of this prompt.</source>
        <translation>Das Modell liest die ersten %1 Token; den Rest dieses Prompts schneidet die Engine ab.</translation>
    </message>
    <message>
        <source>Tokens in this prompt; the model reads up to %1.</source>
        <translation>Token in diesem Prompt; das Modell liest bis zu %1.</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Reuse the seed of the last image (%1)</source>
        <translation>Seed des letzten Bildes wiederverwenden (%1)</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Model default</source>
        <translation>Standard des Modells</translation>
    </message>
    <message>
        <source>The sampler the model folder names (its scheduler_config.json), with its settings</source>
        <translation>Der Sampler, den der Modellordner nennt (seine scheduler_config.json), mit dessen Einstellungen</translation>
    </message>
    <message>
        <source>Refiner</source>
        <translation>Refiner</translation>
    </message>
    <message>
        <source>Where the refiner takes over, as a fraction of the denoising: 0.8 leaves it the last fifth (AUTOMATIC1111&apos;s &quot;Refiner switch at&quot;)</source>
        <translation>Wo der Refiner übernimmt, als Anteil der Entrauschung: 0.8 überlässt ihm das letzte Fünftel („Refiner switch at“ in AUTOMATIC1111)</translation>
    </message>
    <message>
        <source>Switch at</source>
        <translation>Wechsel bei</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>The sizes %1 models were trained at: the square first, then each wider shape and its taller twin</source>
        <translation>Die Größen, mit denen %1-Modelle trainiert wurden: zuerst das Quadrat, dann jedes breitere Format und sein hohes Gegenstück</translation>
    </message>
    <message>
        <source>Model default (%1)</source>
        <translation>Standard des Modells (%1)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>An SDXL refiner finishes the image: the base model denoises up to the switch point, the refiner does the rest</source>
        <translation>Ein SDXL-Refiner vollendet das Bild: Das Basismodell entrauscht bis zum Wechselpunkt, der Refiner erledigt den Rest</translation>
    </message>
    <message>
        <source>A refiner follows an SDXL base model, in text to image or image to image</source>
        <translation>Ein Refiner folgt auf ein SDXL-Basismodell, bei Text zu Bild oder Bild zu Bild</translation>
    </message>
    <message>
        <source>Search models</source>
        <translation>Modelle suchen</translation>
    </message>
    <message>
        <source>Show the models whose name or kind holds every word typed (&quot;xl inpainting&quot;); Return opens the list</source>
        <translation>Zeigt die Modelle, deren Name oder Art jedes eingegebene Wort enthält („xl inpainting“); die Eingabetaste öffnet die Liste</translation>
    </message>
    <message>
        <source>Scan the models folder again</source>
        <translation>Den Modellordner erneut durchsuchen</translation>
    </message>
    <message>
        <source>Rescan models</source>
        <translation>Modelle neu einlesen</translation>
    </message>
    <message>
        <source>The model to generate with: a checkpoint or a diffusers folder of the library, or a folder added by hand</source>
        <translation>Das Modell, mit dem generiert wird: ein Checkpoint oder diffusers-Ordner der Bibliothek oder ein von Hand hinzugefügter Ordner</translation>
    </message>
    <message>
        <source>A VAE of the library&apos;s VAE folder to decode with instead of the model&apos;s own (AUTOMATIC1111&apos;s &quot;SD VAE&quot;)</source>
        <translation>Ein VAE aus dem VAE-Ordner der Bibliothek, der statt des eigenen VAE des Modells dekodiert („SD VAE“ in AUTOMATIC1111)</translation>
    </message>
    <message>
        <source>VAE</source>
        <translation>VAE</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>The model&apos;s own VAE</source>
        <translation>Der eigene VAE des Modells</translation>
    </message>
    <message>
        <source>Plain prompts</source>
        <translation>Einfache Prompts</translation>
    </message>
    <message>
        <source>Read the prompts as diffusers does: brackets are text, and only the first 75 tokens count. Off: AUTOMATIC1111&apos;s syntax — (word:1.2) emphasis, [from:to:when] edits, [a|b] alternation, BREAK, &lt;lora:name:weight&gt;, embeddings by name, prompts of any length in chunks of 75 tokens.</source>
        <translation>Die Prompts lesen, wie diffusers es tut: Klammern sind Text, und nur die ersten 75 Tokens zählen. Aus: die Syntax von AUTOMATIC1111 — (Wort:1.2) Betonung, [von:zu:wann] Bearbeitungen, [a|b] Wechsel, BREAK, &lt;lora:name:weight&gt;, Embeddings über ihren Namen, Prompts beliebiger Länge in Blöcken zu 75 Tokens.</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>Add a LoRA from the library&apos;s Lora folder to the prompt</source>
        <translation>Eine LoRA aus dem Lora-Ordner der Bibliothek zum Prompt hinzufügen</translation>
    </message>
    <message>
        <source>Tokens in this prompt, and the chunks of %1 the text encoder reads it in (AUTOMATIC1111&apos;s count: a chunk ends early at a comma or BREAK).</source>
        <translation>Tokens in diesem Prompt und die Blöcke zu %1, in denen der Text-Encoder ihn liest (Zählung von AUTOMATIC1111: Ein Block endet früher an einem Komma oder BREAK).</translation>
    </message>
    <message>
        <source>Not in the library&apos;s Lora folder: %1</source>
        <translation>Nicht im Lora-Ordner der Bibliothek: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No LoRA in the library&apos;s Lora folder</source>
        <translation>Keine LoRA im Lora-Ordner der Bibliothek</translation>
    </message>
    <message>
        <source>DeepFloyd IF</source>
        <translation>DeepFloyd IF</translation>
    </message>
</context>
<context>
    <name>gesso::ui::HistoryPanel</name>
    <message>
        <source>View full size</source>
        <translation>In voller Größe anzeigen</translation>
    </message>
    <message>
        <source>Copy parameters</source>
        <translation>Parameter kopieren</translation>
    </message>
    <message>
        <source>Reuse parameters</source>
        <translation>Parameter übernehmen</translation>
    </message>
    <message>
        <source>Send to image to image</source>
        <translation>An Bild zu Bild senden</translation>
    </message>
    <message>
        <source>Send to inpaint</source>
        <translation>An Inpainting senden</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Delete result</source>
        <translation>Ergebnis löschen</translation>
    </message>
    <message>
        <source>Remove this result from the history and delete its image file?</source>
        <translation>Dieses Ergebnis aus dem Verlauf entfernen und seine Bilddatei löschen?</translation>
    </message>
    <message>
        <source>Cannot read %1: the file was moved or deleted.</source>
        <translation>%1 kann nicht gelesen werden: Die Datei wurde verschoben oder gelöscht.</translation>
    </message>
    <message>
        <source>Save image as</source>
        <translation>Bild speichern unter</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Upscale x4…</source>
        <translation>x4 hochskalieren…</translation>
    </message>
</context>
<context>
    <name>gesso::ui::ImageView</name>
    <message>
        <source>Open a model folder to start.</source>
        <translation>Öffnen Sie einen Modellordner, um zu beginnen.</translation>
    </message>
    <message>
        <source>Upscale x4…</source>
        <translation>x4 hochskalieren…</translation>
    </message>
</context>
<context>
    <name>gesso::ui::InpaintPanel</name>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Softens the mask&apos;s edge by this many pixels, so that the seam where the result is pasted back onto the original blends in. 0 gives a hard edge.</source>
        <translation>Macht den Maskenrand um so viele Pixel weich, damit die Naht, an der das Ergebnis wieder ins Original eingesetzt wird, nicht auffällt. 0 ergibt eine harte Kante.</translation>
    </message>
    <message>
        <source>Mask blur</source>
        <translation>Maskenunschärfe</translation>
    </message>
    <message>
        <source>Whole picture</source>
        <translation>Ganzes Bild</translation>
    </message>
    <message>
        <source>The model repaints the masked area seeing the whole image, at the generation size</source>
        <translation>Das Modell malt den maskierten Bereich mit Blick auf das ganze Bild neu, in der Generierungsgröße</translation>
    </message>
    <message>
        <source>Only masked</source>
        <translation>Nur maskiert</translation>
    </message>
    <message>
        <source>The area around the mask is cut out, repainted at the full generation size and scaled back: more detail for small areas, less context</source>
        <translation>Der Bereich um die Maske wird ausgeschnitten, in voller Generierungsgröße neu gemalt und zurückskaliert: mehr Details für kleine Bereiche, weniger Kontext</translation>
    </message>
    <message>
        <source>Repaint seeing the whole picture, or only a crop around the mask at full resolution</source>
        <translation>Mit Blick auf das ganze Bild neu malen oder nur einen Ausschnitt um die Maske in voller Auflösung</translation>
    </message>
    <message>
        <source>Inpaint area</source>
        <translation>Inpainting-Bereich</translation>
    </message>
    <message>
        <source>With &quot;Only masked&quot;: the pixels of context kept around the mask&apos;s bounding box, so that the repainted part matches its surroundings</source>
        <translation>Bei „Nur maskiert“: so viele Pixel Kontext bleiben um das umschließende Rechteck der Maske erhalten, damit der neu gemalte Teil zu seiner Umgebung passt</translation>
    </message>
    <message>
        <source>Only masked padding</source>
        <translation>Rand bei „Nur maskiert“</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Start from the original pixels under the mask: keeps their colours and shapes</source>
        <translation>Beginnt mit den ursprünglichen Pixeln unter der Maske: behält deren Farben und Formen</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Füllen</translation>
    </message>
    <message>
        <source>Start from the surrounding colours spread over the mask: to remove an object</source>
        <translation>Beginnt mit den umgebenden Farben, über die Maske verteilt: zum Entfernen eines Objekts</translation>
    </message>
    <message>
        <source>Latent noise</source>
        <translation>Latentes Rauschen</translation>
    </message>
    <message>
        <source>Start from pure noise under the mask: anything can appear (use a strength near 1)</source>
        <translation>Beginnt mit reinem Rauschen unter der Maske: Alles kann entstehen (Stärke nahe 1 verwenden)</translation>
    </message>
    <message>
        <source>Latent nothing</source>
        <translation>Latent leer</translation>
    </message>
    <message>
        <source>Start from an empty latent under the mask: flat, for a strength near 1</source>
        <translation>Beginnt mit einem leeren Latent unter der Maske: flach, für eine Stärke nahe 1</translation>
    </message>
    <message>
        <source>What the masked area starts from before it is repainted</source>
        <translation>Womit der maskierte Bereich beginnt, bevor er neu gemalt wird</translation>
    </message>
    <message>
        <source>Masked content</source>
        <translation>Maskierter Inhalt</translation>
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
        <translation>Der Verlauf ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Source image and mask</source>
        <translation>Quellbild und Maske</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generieren</translation>
    </message>
    <message>
        <source>Speed and memory</source>
        <translation>Geschwindigkeit und Speicher</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open source image…</source>
        <translation>Quellbild ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>Bild öffnen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp *.bmp)</translation>
    </message>
    <message>
        <source>&amp;Restore parameters from PNG…</source>
        <translation>Parameter aus PNG &amp;wiederherstellen…</translation>
    </message>
    <message>
        <source>Restore parameters</source>
        <translation>Parameter wiederherstellen</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Send result to &amp;image to image</source>
        <translation>Ergebnis an Bild zu Bild &amp;senden</translation>
    </message>
    <message>
        <source>Send result to i&amp;npaint</source>
        <translation>Ergebnis an &amp;Inpainting senden</translation>
    </message>
    <message>
        <source>&amp;Output folder…</source>
        <translation>&amp;Ausgabeordner…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>&amp;Preview every N steps…</source>
        <translation>&amp;Vorschau alle N Schritte…</translation>
    </message>
    <message>
        <source>Step previews</source>
        <translation>Schrittvorschau</translation>
    </message>
    <message>
        <source>Show a preview every N steps (0: none; each costs a little speed):</source>
        <translation>Alle N Schritte eine Vorschau zeigen (0: keine; jede kostet etwas Geschwindigkeit):</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Gesso</source>
        <translation>Ü&amp;ber Gesso</translation>
    </message>
    <message>
        <source>Settings not saved: %1</source>
        <translation>Einstellungen nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Type a prompt and press Generate (Ctrl+Enter).</source>
        <translation>Geben Sie einen Prompt ein und klicken Sie auf „Generieren“ (Strg+Eingabe).</translation>
    </message>
    <message>
        <source>Choose a model folder first (the model list, &quot;Add folder…&quot;).</source>
        <translation>Wählen Sie zuerst einen Modellordner (in der Modellliste „Ordner hinzufügen…“).</translation>
    </message>
    <message>
        <source>Open a source image first (File &gt; Open source image, or drop one).</source>
        <translation>Öffnen Sie zuerst ein Quellbild (Datei &gt; Quellbild öffnen, oder ziehen Sie eines ins Fenster).</translation>
    </message>
    <message>
        <source>Paint the area to repaint on the source image first.</source>
        <translation>Malen Sie zuerst den neu zu malenden Bereich auf das Quellbild.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) in %1 s</source>
        <translation>
            <numerusform>%n Bild in %1 s</numerusform>
            <numerusform>%n Bilder in %1 s</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>%1 is not an image Gesso can read.</source>
        <translation>%1 ist kein Bild, das Gesso lesen kann.</translation>
    </message>
    <message>
        <source>Parameters restored from %1</source>
        <translation>Parameter aus %1 wiederhergestellt</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <source>The language changes the next time Gesso starts.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Gesso.</translation>
    </message>
    <message>
        <source>About Gesso</source>
        <translation>Über Gesso</translation>
    </message>
    <message>
        <source>&amp;Model library…</source>
        <translation>&amp;Modellbibliothek…</translation>
    </message>
    <message>
        <source>&amp;Rescan models</source>
        <translation>Modelle neu &amp;einlesen</translation>
    </message>
    <message>
        <source>Scanning the models folder…</source>
        <translation>Der Modellordner wird durchsucht…</translation>
    </message>
    <message>
        <source>Put a checkpoint into the models folder&apos;s Stable-diffusion folder (Settings &gt; Model library), or add a diffusers model folder, to start.</source>
        <translation>Legen Sie einen Checkpoint in den Ordner Stable-diffusion des Modellordners (Einstellungen &gt; Modellbibliothek) oder fügen Sie einen diffusers-Modellordner hinzu, um zu beginnen.</translation>
    </message>
    <message>
        <source>ControlNet</source>
        <translation>ControlNet</translation>
    </message>
    <message>
        <source>&amp;Upscale result x4…</source>
        <translation>Ergebnis x4 &amp;hochskalieren…</translation>
    </message>
    <message>
        <source>Choose the DeepFloyd IF stages under the prompt, type a prompt and press Generate (Ctrl+Enter).</source>
        <translation>Wählen Sie die DeepFloyd-IF-Stufen unter dem Prompt, geben Sie einen Prompt ein und klicken Sie auf „Generieren“ (Strg+Eingabe).</translation>
    </message>
    <message>
        <source>There is no image to upscale: generate one, or pick one in the history.</source>
        <translation>Es gibt kein Bild zum Hochskalieren: Generieren Sie eines oder wählen Sie eines im Verlauf.</translation>
    </message>
    <message>
        <source>Wait for the run to finish (or cancel it), then upscale.</source>
        <translation>Warten Sie, bis der Lauf beendet ist (oder brechen Sie ihn ab), und skalieren Sie dann hoch.</translation>
    </message>
    <message>
        <source>The model library is still being scanned: try again in a moment.</source>
        <translation>Die Modellbibliothek wird noch durchsucht: Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>No x4 upscaler in the model library. Download stabilityai/stable-diffusion-x4-upscaler (its diffusers folder, with model_index.json) into %1, or add its folder under Settings &gt; Model library, then rescan.</source>
        <translation>Die Modellbibliothek hat keinen x4-Upscaler. Laden Sie stabilityai/stable-diffusion-x4-upscaler (den diffusers-Ordner, mit model_index.json) nach %1 herunter oder fügen Sie seinen Ordner unter Einstellungen &gt; Modellbibliothek hinzu, und lesen Sie die Modelle dann neu ein.</translation>
    </message>
    <message>
        <source>Stage I</source>
        <translation>Stufe I</translation>
    </message>
    <message>
        <source>Stage II</source>
        <translation>Stufe II</translation>
    </message>
    <message>
        <source>Stage III</source>
        <translation>Stufe III</translation>
    </message>
</context>
<context>
    <name>gesso::ui::MaskCanvas</name>
    <message>
        <source>Load mask</source>
        <translation>Maske laden</translation>
    </message>
    <message>
        <source>Fill mask</source>
        <translation>Maske füllen</translation>
    </message>
    <message>
        <source>Clear mask</source>
        <translation>Maske leeren</translation>
    </message>
    <message>
        <source>Invert mask</source>
        <translation>Maske umkehren</translation>
    </message>
    <message>
        <source>Paint mask</source>
        <translation>Maske malen</translation>
    </message>
    <message>
        <source>Erase mask</source>
        <translation>Maske radieren</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>Kein Bild</translation>
    </message>
</context>
<context>
    <name>gesso::ui::MaskToolsBar</name>
    <message>
        <source>Mask tools</source>
        <translation>Maskenwerkzeuge</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>Pinsel</translation>
    </message>
    <message>
        <source>Paint the area to repaint (B; right drag paints with the eraser)</source>
        <translation>Den neu zu malenden Bereich malen (B; Ziehen mit der rechten Maustaste radiert)</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>Radierer</translation>
    </message>
    <message>
        <source>Erase the mask (E; X swaps brush and eraser)</source>
        <translation>Die Maske radieren (E; X wechselt zwischen Pinsel und Radierer)</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Brush diameter in image pixels ([ and ], or Shift+wheel)</source>
        <translation>Pinseldurchmesser in Bildpixeln ([ und ] oder Umschalt+Mausrad)</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Hardness</source>
        <translation>Härte</translation>
    </message>
    <message>
        <source>100% paints a hard-edged disc; lower values fade towards the rim</source>
        <translation>100 % malt eine hartkantige Scheibe; niedrigere Werte laufen zum Rand hin aus</translation>
    </message>
    <message>
        <source>%</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Füllen</translation>
    </message>
    <message>
        <source>Mark the whole image for repainting</source>
        <translation>Das ganze Bild zum Neumalen markieren</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Keep the whole image</source>
        <translation>Das ganze Bild behalten</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>Umkehren</translation>
    </message>
    <message>
        <source>Swap the repainted and the kept areas</source>
        <translation>Neu gemalte und behaltene Bereiche tauschen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>Rückgängig: %1</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>Wiederholen: %1</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show the whole image (Home; the wheel zooms around the pointer)</source>
        <translation>Das ganze Bild zeigen (Pos1; das Mausrad zoomt um den Mauszeiger)</translation>
    </message>
</context>
<context>
    <name>gesso::ui::ModelHashCache</name>
    <message>
        <source>Cannot read the model hash cache %1: %2</source>
        <translation>Der Modell-Hash-Cache %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The model hash cache %1 is not one Gesso wrote: the hashes are computed again</source>
        <translation>Der Modell-Hash-Cache %1 stammt nicht von Gesso: Die Hashes werden neu berechnet</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot write the model hash cache %1: %2</source>
        <translation>Der Modell-Hash-Cache %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>gesso::ui::ModelLibrary</name>
    <message>
        <source>Cannot create the models folder %1</source>
        <translation>Der Modellordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>The file cannot be read</source>
        <translation>Die Datei kann nicht gelesen werden</translation>
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
        <translation>SDXL-Refiner</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>diffusers folder</source>
        <translation>diffusers-Ordner</translation>
    </message>
    <message>
        <source>%1 inpainting</source>
        <translation>%1 Inpainting</translation>
    </message>
    <message>
        <source>inpainting checkpoint</source>
        <translation>Inpainting-Checkpoint</translation>
    </message>
    <message>
        <source>checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>%1 inpainting checkpoint</source>
        <translation>%1-Inpainting-Checkpoint</translation>
    </message>
    <message>
        <source>%1 checkpoint</source>
        <translation>%1-Checkpoint</translation>
    </message>
    <message>
        <source>VAE</source>
        <translation>VAE</translation>
    </message>
    <message>
        <source>%1 VAE</source>
        <translation>%1-VAE</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>%1 LoRA</source>
        <translation>%1-LoRA</translation>
    </message>
    <message>
        <source>embedding</source>
        <translation>Embedding</translation>
    </message>
    <message>
        <source>%1 embedding</source>
        <translation>%1-Embedding</translation>
    </message>
    <message>
        <source>ControlNet</source>
        <translation>ControlNet</translation>
    </message>
    <message>
        <source>%1 ControlNet</source>
        <translation>%1-ControlNet</translation>
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
        <translation>SHA-256: %1</translation>
    </message>
    <message>
        <source>DeepFloyd IF I</source>
        <translation>DeepFloyd IF I</translation>
    </message>
    <message>
        <source>DeepFloyd IF II</source>
        <translation>DeepFloyd IF II</translation>
    </message>
    <message>
        <source>SD x4 upscaler</source>
        <translation>SD-x4-Upscaler</translation>
    </message>
</context>
<context>
    <name>gesso::ui::ModelLibraryDialog</name>
    <message>
        <source>Choose a folder of models</source>
        <translation>Einen Ordner mit Modellen wählen</translation>
    </message>
    <message>
        <source>Model library</source>
        <translation>Modellbibliothek</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Bibliothek durchsuchen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>Neu einlesen</translation>
    </message>
    <message>
        <source>Scan the folders again (new files are hashed in the background)</source>
        <translation>Die Ordner erneut durchsuchen (neue Dateien werden im Hintergrund gehasht)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <source>More folders to scan, each with all its subfolders</source>
        <translation>Weitere zu durchsuchende Ordner, jeweils mit allen Unterordnern</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Extra folders</source>
        <translation>Weitere Ordner</translation>
    </message>
    <message>
        <source>extra folder</source>
        <translation>weiterer Ordner</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 von %2 angezeigt</translation>
    </message>
    <message>
        <source>scanning…</source>
        <translation>wird durchsucht…</translation>
    </message>
    <message>
        <source>hashing…</source>
        <translation>Hashes werden berechnet…</translation>
    </message>
    <message>
        <source>AUTOMATIC1111&apos;s models folder: checkpoints in Stable-diffusion, and VAE, Lora, embeddings, ControlNet (created when missing). An A1111 models folder works as it is; add a ComfyUI one as an extra folder.</source>
        <translation>Der models-Ordner von AUTOMATIC1111: Checkpoints in Stable-diffusion, dazu VAE, Lora, embeddings, ControlNet (fehlende werden angelegt). Ein models-Ordner von A1111 funktioniert unverändert; fügen Sie einen von ComfyUI als weiteren Ordner hinzu.</translation>
    </message>
</context>
<context>
    <name>gesso::ui::OptimizationPanel</name>
    <message>
        <source>Device and precision</source>
        <translation>Gerät und Genauigkeit</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>Max speed</source>
        <translation>Maximale Geschwindigkeit</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>Ausgewogen</translation>
    </message>
    <message>
        <source>Low VRAM (6 GB)</source>
        <translation>Wenig VRAM (6 GB)</translation>
    </message>
    <message>
        <source>Tiny VRAM (4 GB)</source>
        <translation>Sehr wenig VRAM (4 GB)</translation>
    </message>
    <message>
        <source>The device memory this run needs at its peak, estimated from the model&apos;s size, the image size and the toggles (within about 10% of the H200 measurements)</source>
        <translation>Der Gerätespeicher, den dieser Durchlauf in der Spitze braucht, geschätzt aus Modellgröße, Bildgröße und den Schaltern (auf etwa 10 % genau gegenüber den Messungen auf der H200)</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Auto uses the GPU when CUDA works, else the CPU (far slower: minutes an image).</source>
        <translation>„Automatisch“ nutzt die GPU, wenn CUDA funktioniert, sonst die CPU (weit langsamer: Minuten pro Bild).</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>fp16 halves the weights and nearly doubles the speed: 45.1 it/s and 2.64 GiB against fp32&apos;s 25.5 it/s and 5.22 GiB (SD 1.5, 512², H200). bf16: fp16&apos;s memory, fp32&apos;s range.</source>
        <translation>fp16 halbiert die Gewichte und verdoppelt fast die Geschwindigkeit: 45.1 it/s und 2.64 GiB gegenüber 25.5 it/s und 5.22 GiB bei fp32 (SD 1.5, 512², H200). bf16: Speicherbedarf von fp16, Wertebereich von fp32.</translation>
    </message>
    <message>
        <source>fp32 (full)</source>
        <translation>fp32 (voll)</translation>
    </message>
    <message>
        <source>fp16 (half)</source>
        <translation>fp16 (halb)</translation>
    </message>
    <message>
        <source>bf16 (brain float)</source>
        <translation>bf16 (Brain Float)</translation>
    </message>
    <message>
        <source>VAE in fp32</source>
        <translation>VAE in fp32</translation>
    </message>
    <message>
        <source>Decodes in float32 where fp16 overflows (black or NaN images); the VAE&apos;s weights and decode memory double.</source>
        <translation>Dekodiert in float32, wo fp16 überläuft (schwarze oder NaN-Bilder); Gewichte und Dekodierspeicher der VAE verdoppeln sich.</translation>
    </message>
    <message>
        <source>TF32 tensor cores</source>
        <translation>TF32-Tensor-Cores</translation>
    </message>
    <message>
        <source>fp32 runs only: 25.5 → 37.7 it/s, 62.5 dB from the exact fp32 image; nothing in fp16.</source>
        <translation>Nur für fp32-Läufe: 25.5 → 37.7 it/s, 62.5 dB vom exakten fp32-Bild entfernt; in fp16 ohne Wirkung.</translation>
    </message>
    <message>
        <source>CUDA graphs</source>
        <translation>CUDA graphs</translation>
    </message>
    <message>
        <source>Captures the UNet step once per size and replays it: 45.1 → 83.1 it/s for +0.03 GiB; about 1 s of capture on each size&apos;s first run. Not with sequential offload.</source>
        <translation>Zeichnet den UNet-Schritt einmal pro Größe auf und spielt ihn wieder ab: 45.1 → 83.1 it/s für +0.03 GiB; etwa 1 s Aufzeichnung beim ersten Lauf jeder Größe. Nicht mit sequenziellem Offload.</translation>
    </message>
    <message>
        <source>Channels-last</source>
        <translation>Channels-last</translation>
    </message>
    <message>
        <source>NHWC convolutions: alone slower (45.1 → 38.6 it/s, 2.48 GiB); with CUDA graphs the fastest setting, 101.2 it/s.</source>
        <translation>NHWC-Faltungen: allein langsamer (45.1 → 38.6 it/s, 2.48 GiB); mit CUDA graphs die schnellste Einstellung, 101.2 it/s.</translation>
    </message>
    <message>
        <source>cuDNN benchmark</source>
        <translation>cuDNN-Benchmark</translation>
    </message>
    <message>
        <source>cuDNN times its algorithms on each new size: 45.1 → 45.6 it/s, +0.06 GiB; the first run of a size is slower.</source>
        <translation>cuDNN misst bei jeder neuen Größe seine Algorithmen: 45.1 → 45.6 it/s, +0.06 GiB; der erste Lauf einer Größe ist langsamer.</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>Auto picks cuDNN&apos;s kernel on Hopper: 45.1 it/s, 2.64 GiB. Forced cuDNN 71.4 it/s, mem-efficient 51.0, flash 47.5; plain 40.5 it/s at 3.67 GiB, math 27.0 it/s at 4.44 GiB.</source>
        <translation>„Automatisch“ wählt auf Hopper den Kernel von cuDNN: 45.1 it/s, 2.64 GiB. Erzwungen: cuDNN 71.4 it/s, speichereffizient 51.0, Flash 47.5; einfach 40.5 it/s bei 3.67 GiB, Math 27.0 it/s bei 4.44 GiB.</translation>
    </message>
    <message>
        <source>torch picks per call: 45.1 it/s, 2.64 GiB</source>
        <translation>torch wählt pro Aufruf: 45.1 it/s, 2.64 GiB</translation>
    </message>
    <message>
        <source>Flash</source>
        <translation>Flash</translation>
    </message>
    <message>
        <source>47.5 it/s, 2.70 GiB; the VAE&apos;s 512-wide head falls back</source>
        <translation>47.5 it/s, 2.70 GiB; der 512 breite Head der VAE weicht auf einen anderen Kernel aus</translation>
    </message>
    <message>
        <source>Memory-efficient</source>
        <translation>Speichereffizient</translation>
    </message>
    <message>
        <source>51.0 it/s, 2.70 GiB</source>
        <translation>51.0 it/s, 2.70 GiB</translation>
    </message>
    <message>
        <source>Math</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>27.0 it/s, 4.44 GiB: materialises the scores</source>
        <translation>27.0 it/s, 4.44 GiB: legt die Scores vollständig im Speicher an</translation>
    </message>
    <message>
        <source>cuDNN</source>
        <translation>cuDNN</translation>
    </message>
    <message>
        <source>71.4 it/s, 2.70 GiB: the fastest on an H200</source>
        <translation>71.4 it/s, 2.70 GiB: auf einer H200 am schnellsten</translation>
    </message>
    <message>
        <source>Plain (baddbmm + softmax)</source>
        <translation>Einfach (baddbmm + softmax)</translation>
    </message>
    <message>
        <source>40.5 it/s, 3.67 GiB: diffusers&apos; classic processor</source>
        <translation>40.5 it/s, 3.67 GiB: der klassische Attention-Prozessor von diffusers</translation>
    </message>
    <message>
        <source>CPU offload</source>
        <translation>CPU-Offload</translation>
    </message>
    <message>
        <source>Model: each component on the GPU only while it runs, 2.64 → 1.76 GiB at full speed (pins 2 GiB of RAM). Sequential: layers stream in as they run, 0.64 GiB, 12-36 it/s.</source>
        <translation>Modell: Jede Komponente liegt nur während ihrer Ausführung auf der GPU, 2.64 → 1.76 GiB bei voller Geschwindigkeit (belegt 2 GiB gepinnten RAM). Sequenziell: Die Schichten werden bei der Ausführung nachgeladen, 0.64 GiB, 12-36 it/s.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keins</translation>
    </message>
    <message>
        <source>Model (per component)</source>
        <translation>Modell (pro Komponente)</translation>
    </message>
    <message>
        <source>Sequential (per layer)</source>
        <translation>Sequenziell (pro Schicht)</translation>
    </message>
    <message>
        <source>VAE tiling</source>
        <translation>VAE-Tiling</translation>
    </message>
    <message>
        <source>Decodes in tiles: 1024² peak 4.42 → 2.64 GiB at no speed cost; faint seams (46 dB). Nothing to do at the model&apos;s own size.</source>
        <translation>Dekodiert in Kacheln: Spitze bei 1024² 4.42 → 2.64 GiB ohne Geschwindigkeitsverlust; schwache Nähte (46 dB). Bei der nativen Größe des Modells ohne Wirkung.</translation>
    </message>
    <message>
        <source>VAE slicing</source>
        <translation>VAE-Slicing</translation>
    </message>
    <message>
        <source>Decodes a batch one image at a time: a lower decode peak for batches; no change for one image.</source>
        <translation>Dekodiert einen Batch Bild für Bild: niedrigere Dekodierspitze bei Batches; keine Änderung bei einem einzelnen Bild.</translation>
    </message>
    <message>
        <source>Attention a few heads at a time: saves memory only against the math or plain kernels; with the default ones 31.9 it/s (-30%) and no saving (2.70 GiB).</source>
        <translation>Attention für wenige Heads auf einmal: spart nur gegenüber den Math- oder einfachen Kerneln Speicher; mit den Standardkerneln 31.9 it/s (-30 %) und keine Ersparnis (2.70 GiB).</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Auto (half the heads)</source>
        <translation>Automatisch (halbe Heads)</translation>
    </message>
    <message>
        <source>Heads at a time:</source>
        <translation>Heads auf einmal:</translation>
    </message>
    <message>
        <source>Attention slicing</source>
        <translation>Attention-Slicing</translation>
    </message>
    <message>
        <source>Release VRAM after each run</source>
        <translation>VRAM nach jedem Durchlauf freigeben</translation>
    </message>
    <message>
        <source>Gives cached GPU memory back to other programs; the next run allocates again and re-captures CUDA graphs (about 1 s).</source>
        <translation>Gibt zwischengespeicherten GPU-Speicher an andere Programme zurück; der nächste Durchlauf reserviert neu und zeichnet die CUDA graphs neu auf (etwa 1 s).</translation>
    </message>
    <message>
        <source>Pick a model to see how much VRAM it needs</source>
        <translation>Wählen Sie ein Modell, um zu sehen, wie viel VRAM es braucht</translation>
    </message>
    <message>
        <source>UNet</source>
        <translation>UNet</translation>
    </message>
    <message>
        <source>VAE decode</source>
        <translation>VAE-Dekodierung</translation>
    </message>
    <message>
        <source>text encoder</source>
        <translation>Text-Encoder</translation>
    </message>
    <message>
        <source>Runs on the CPU: no VRAM needed (about %1 of memory at the peak)</source>
        <translation>Läuft auf der CPU: kein VRAM nötig (in der Spitze etwa %1 Arbeitsspeicher)</translation>
    </message>
    <message>
        <source>Needs about %1 of VRAM (peak: %2)</source>
        <translation>Benötigt etwa %1 VRAM (Spitze: %2)</translation>
    </message>
    <message>
        <source>— more than the %1 this device has</source>
        <translation>— mehr als die %1 dieses Geräts</translation>
    </message>
    <message>
        <source>Fused kernels</source>
        <translation>Fusionierte Kernel</translation>
    </message>
    <message>
        <source>Max speed: fp16, channels-last, CUDA graphs and the fused kernels, 175 it/s at 512² on an H200 (2.54 GiB). Balanced: fp16 and the defaults, 104 it/s, 2.54 GiB. Low VRAM (6 GB): model offload and VAE tiling, 1.76 GiB. Tiny VRAM (4 GB): sequential offload, VAE tiling and slicing, 0.64 GiB (no attention slicing: it saves nothing with these kernels).</source>
        <translation>Maximale Geschwindigkeit: fp16, channels-last, CUDA graphs und die fusionierten Kernel, 175 it/s bei 512² auf einer H200 (2.54 GiB). Ausgewogen: fp16 und die Standardwerte, 104 it/s, 2.54 GiB. Wenig VRAM (6 GB): Modell-Offload und VAE-Tiling, 1.76 GiB. Sehr wenig VRAM (4 GB): sequenzielles Offload, VAE-Tiling und -Slicing, 0.64 GiB (kein Attention-Slicing: mit diesen Kerneln spart es nichts).</translation>
    </message>
    <message>
        <source>Gesso&apos;s own GPU kernels (GroupNorm + SiLU, GEGLU, LayerNorm with the residual, one GEMM for Q, K and V): 75 → 104 it/s, with channels-last and CUDA graphs 93 → 175 it/s; 58 dB from the image without them. Off: the ATen ops diffusers runs.</source>
        <translation>Gessos eigene GPU-Kernel (GroupNorm + SiLU, GEGLU, LayerNorm mit dem Residuum, ein GEMM für Q, K und V): 75 → 104 it/s, mit channels-last und CUDA graphs 93 → 175 it/s; 58 dB vom Bild ohne sie entfernt. Aus: die ATen-Operationen, die diffusers ausführt.</translation>
    </message>
    <message>
        <source>refiner UNet</source>
        <translation>Refiner-UNet</translation>
    </message>
</context>
<context>
    <name>gesso::ui::ParametersBridge</name>
    <message>
        <source>The %1 schedule is not available for %2: %2 is used with its usual schedule.</source>
        <translation>Der Schedule %1 ist für %2 nicht verfügbar: %2 wird mit seinem üblichen Schedule verwendet.</translation>
    </message>
    <message>
        <source>The sampler &quot;%1&quot; is not available: %2 is used.</source>
        <translation>Der Sampler „%1“ ist nicht verfügbar: %2 wird verwendet.</translation>
    </message>
    <message>
        <source>The seed %1 is beyond the 63 bits Gesso takes: the seed is left as it was.</source>
        <translation>Der Seed %1 überschreitet die 63 Bit, die Gesso annimmt: Der Seed bleibt unverändert.</translation>
    </message>
    <message>
        <source>These generation parameters cannot be read: %1</source>
        <translation>Diese Generierungsparameter können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>This text holds no generation parameters (a line such as &quot;Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 512x512&quot;).</source>
        <translation>Dieser Text enthält keine Generierungsparameter (eine Zeile wie „Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 512x512“).</translation>
    </message>
    <message>
        <source>%1 cannot be read as an image.</source>
        <translation>%1 kann nicht als Bild gelesen werden.</translation>
    </message>
    <message>
        <source>%1 carries no generation parameters (no &quot;parameters&quot; text in the PNG).</source>
        <translation>%1 enthält keine Generierungsparameter (kein „parameters“-Text im PNG).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The sampler &quot;%1&quot; is not available: the model&apos;s own sampler is used.</source>
        <translation>Der Sampler „%1“ ist nicht verfügbar: Der eigene Sampler des Modells wird verwendet.</translation>
    </message>
    <message>
        <source>The refiner &quot;%1&quot; is not in the model list: no refiner is used (add its folder to use it).</source>
        <translation>Der Refiner „%1“ ist nicht in der Modellliste: Es wird kein Refiner verwendet (fügen Sie seinen Ordner hinzu, um ihn zu verwenden).</translation>
    </message>
    <message>
        <source>The refiner switch point &quot;%1&quot; is not a fraction between 0 and 1: %2 is kept.</source>
        <translation>Der Refiner-Wechselpunkt „%1“ ist kein Anteil zwischen 0 und 1: %2 bleibt erhalten.</translation>
    </message>
    <message>
        <source>The model &quot;%1&quot; is not in the library: the model is left as it is.</source>
        <translation>Das Modell „%1“ ist nicht in der Bibliothek: Das Modell bleibt unverändert.</translation>
    </message>
    <message>
        <source>The VAE &quot;%1&quot; is not in the library: the VAE is left as it is.</source>
        <translation>Der VAE „%1“ ist nicht in der Bibliothek: Der VAE bleibt unverändert.</translation>
    </message>
    <message>
        <source>The prompt names LoRAs the library does not have: %1.</source>
        <translation>Der Prompt nennt LoRAs, die die Bibliothek nicht hat: %1.</translation>
    </message>
    <message>
        <source>The prompt uses embeddings the library does not have: %1.</source>
        <translation>Der Prompt verwendet Embeddings, die die Bibliothek nicht hat: %1.</translation>
    </message>
    <message>
        <source>ControlNet %1 cannot be read: %2</source>
        <translation>ControlNet %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The ControlNet model &quot;%1&quot; (unit %2) is not in the library: that unit&apos;s model is left as it is.</source>
        <translation>Das ControlNet-Modell „%1“ (Einheit %2) ist nicht in der Bibliothek: Das Modell dieser Einheit bleibt unverändert.</translation>
    </message>
    <message>
        <source>The ControlNet preprocessor &quot;%1&quot; (unit %2) is not in Gesso (it needs a model of its own): &quot;none&quot; is used; give the unit a control image made already.</source>
        <translation>Der ControlNet-Präprozessor „%1“ (Einheit %2) ist nicht in Gesso (er braucht ein eigenes Modell): „none“ wird verwendet; geben Sie der Einheit ein fertiges Steuerbild.</translation>
    </message>
</context>
<context>
    <name>gesso::ui::ReadoutBar</name>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
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
        <translation>%1 vergangen, noch %2</translation>
    </message>
    <message>
        <source>VRAM %1 allocated, %2 reserved of %3</source>
        <translation>VRAM: %1 belegt, %2 reserviert von %3</translation>
    </message>
    <message>
        <source>CPU run</source>
        <translation>CPU-Lauf</translation>
    </message>
</context>
<context>
    <name>gesso::ui::UpscaleDialog</name>
    <message>
        <source>Upscale x4</source>
        <translation>x4 hochskalieren</translation>
    </message>
    <message>
        <source>What the image shows: the upscaler reads a prompt too (the image&apos;s own, when it has one)</source>
        <translation>Was das Bild zeigt: Auch der Upscaler liest einen Prompt (den des Bildes, wenn es einen hat)</translation>
    </message>
    <message>
        <source>Noise added to the image before it is upscaled: more invents more detail, and strays further from the image</source>
        <translation>Rauschen, das dem Bild vor dem Hochskalieren hinzugefügt wird: Mehr erfindet mehr Details und weicht weiter vom Bild ab</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Large images are upscaled in overlapping tiles of this many pixels (of the image as it is now), blended, so that memory stays that of one tile. Off: the whole image at once.</source>
        <translation>Große Bilder werden in überlappenden Kacheln dieser Pixelgröße (des Bildes, wie es jetzt ist) hochskaliert und überblendet, sodass der Speicher der einer Kachel bleibt. Aus: das ganze Bild auf einmal.</translation>
    </message>
    <message>
        <source>Upscaler</source>
        <translation>Upscaler</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Negative prompt</source>
        <translation>Negativ-Prompt</translation>
    </message>
    <message>
        <source>Noise level</source>
        <translation>Rauschstärke</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Guidance scale</source>
        <translation>CFG-Skala</translation>
    </message>
    <message>
        <source>Tile size</source>
        <translation>Kachelgröße</translation>
    </message>
    <message>
        <source>Upscale</source>
        <translation>Hochskalieren</translation>
    </message>
    <message>
        <source>%1 × %2 px → %3 × %4 px</source>
        <translation>%1 × %2 px → %3 × %4 px</translation>
    </message>
    <message numerus="yes">
        <source>%1, in %n tile(s)</source>
        <translation>
            <numerusform>%1, in %n Kachel</numerusform>
            <numerusform>%1, in %n Kacheln</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gesso::ui::VramChart</name>
    <message>
        <source>Device memory over the run: allocated (dark), reserved by the allocator (light), the card&apos;s total (dashed)</source>
        <translation>Gerätespeicher im Lauf der Generierung: belegt (dunkel), vom Allocator reserviert (hell), Gesamtspeicher der Karte (gestrichelt)</translation>
    </message>
    <message>
        <source>VRAM</source>
        <translation>VRAM</translation>
    </message>
    <message>
        <source>VRAM: CPU run</source>
        <translation>VRAM: CPU-Lauf</translation>
    </message>
    <message>
        <source>VRAM: %1 / %2 GiB</source>
        <translation>VRAM: %1 / %2 GiB</translation>
    </message>
</context>
</TS>
