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
    <name>gesso::ui::BenchmarkDialog</name>
    <message>
        <source>Benchmark</source>
        <translation>Benchmark</translation>
    </message>
    <message>
        <source>Times each pipeline on this computer with the models of your library: denoising steps per second (it/s, higher is faster) at batch 1 and 4, with the default settings and with the Max speed preset. It takes a few minutes on a GPU.</source>
        <translation>Misst jede Pipeline auf diesem Computer mit den Modellen Ihrer Bibliothek: Entrauschungsschritte pro Sekunde (it/s, höher ist schneller) bei Batch 1 und 4, mit den Standardeinstellungen und mit der Voreinstellung „Maximale Geschwindigkeit“. Auf einer GPU dauert das einige Minuten.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Lauf abbrechen</translation>
    </message>
    <message>
        <source>Copy as Markdown</source>
        <translation>Als Markdown kopieren</translation>
    </message>
    <message>
        <source>Copy the table as Markdown, to paste into an issue or a forum post</source>
        <translation>Kopiert die Tabelle als Markdown, zum Einfügen in ein Issue oder einen Forenbeitrag</translation>
    </message>
    <message>
        <source>no SD 1.x or 2.x model in the library</source>
        <translation>kein SD-1.x- oder -2.x-Modell in der Bibliothek</translation>
    </message>
    <message>
        <source>no ControlNet in the library</source>
        <translation>kein ControlNet in der Bibliothek</translation>
    </message>
    <message>
        <source>no DeepFloyd IF stage I in the library</source>
        <translation>keine DeepFloyd-IF-Stufe I in der Bibliothek</translation>
    </message>
    <message>
        <source>no SDXL base model in the library</source>
        <translation>kein SDXL-Basismodell in der Bibliothek</translation>
    </message>
    <message>
        <source>Press Run to start.</source>
        <translation>Drücken Sie „Starten“, um zu beginnen.</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Max speed</source>
        <translation>Maximale Geschwindigkeit</translation>
    </message>
    <message>
        <source>Batch %1, %2</source>
        <translation>Batch %1, %2</translation>
    </message>
    <message>
        <source>gesso-bench was not found at %1: it is installed next to the gesso program. Build or install it there to run the benchmark.</source>
        <translation>gesso-bench wurde unter %1 nicht gefunden: Es wird neben dem Programm gesso installiert. Erstellen oder installieren Sie es dort, um den Benchmark auszuführen.</translation>
    </message>
    <message>
        <source>Starting gesso-bench…</source>
        <translation>gesso-bench wird gestartet…</translation>
    </message>
    <message>
        <source>Timing %1…</source>
        <translation>%1 wird gemessen…</translation>
    </message>
    <message>
        <source>Cancelled: the cells timed so far are kept.</source>
        <translation>Abgebrochen: Die bisher gemessenen Zellen bleiben erhalten.</translation>
    </message>
    <message>
        <source>gesso-bench stopped unexpectedly%1</source>
        <translation>gesso-bench wurde unerwartet beendet%1</translation>
    </message>
    <message>
        <source>gesso-bench failed: %1</source>
        <translation>gesso-bench ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>Done, on %1.</source>
        <translation>Fertig, auf %1.</translation>
    </message>
    <message>
        <source>gesso-bench could not be started (%1): %2</source>
        <translation>gesso-bench konnte nicht gestartet werden (%1): %2</translation>
    </message>
    <message>
        <source>This cell failed: %1</source>
        <translation>Diese Zelle ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Skipped — %1.</source>
        <translation>Übersprungen – %1.</translation>
    </message>
    <message>
        <source>Gesso benchmark on %1: denoising steps per second (it/s); IF: stage I / stage II / stage III.</source>
        <translation>Gesso-Benchmark auf %1: Entrauschungsschritte pro Sekunde (it/s); IF: Stufe I / Stufe II / Stufe III.</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>diesem Computer</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
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
    <message>
        <source>Remove the selected model from the list (only models added with &quot;Add folder…&quot;; nothing is deleted from the disk)</source>
        <translation>Entfernt das gewählte Modell aus der Liste (nur mit „Ordner hinzufügen…“ hinzugefügte Modelle; von der Festplatte wird nichts gelöscht)</translation>
    </message>
    <message>
        <source>Remove model</source>
        <translation>Modell entfernen</translation>
    </message>
    <message>
        <source>%1/%2 (%3 ignored)</source>
        <translation>%1/%2 (%3 ignoriert)</translation>
    </message>
    <message>
        <source>Plain prompts: the model reads only the first %1 tokens; the %2 tokens past %1 are ignored. Shorten the prompt, or turn Plain prompts off to read it all in chunks of %1.</source>
        <translation>Einfache Prompts: Das Modell liest nur die ersten %1 Tokens; die %2 Tokens nach %1 werden ignoriert. Kürzen Sie den Prompt, oder schalten Sie „Einfache Prompts“ aus, um ihn ganz in Blöcken zu %1 zu lesen.</translation>
    </message>
    <message>
        <source>Tokens in this prompt; with plain prompts the model reads the first %1 and ignores the rest.</source>
        <translation>Tokens in diesem Prompt; bei einfachen Prompts liest das Modell die ersten %1 und ignoriert den Rest.</translation>
    </message>
    <message>
        <source>Tokens in this prompt, and the chunks of %1 the text encoder reads it in (AUTOMATIC1111&apos;s count: a chunk ends early at a comma or BREAK). Every chunk is read: nothing is cut.</source>
        <translation>Tokens in diesem Prompt und die Blöcke zu %1, in denen der Text-Encoder ihn liest (Zählweise von AUTOMATIC1111: Ein Block endet früher an einem Komma oder BREAK). Jeder Block wird gelesen: Nichts wird abgeschnitten.</translation>
    </message>
</context>
<context>
    <name>gesso::ui::GenerationQueue</name>
    <message>
        <source>(no prompt)</source>
        <translation>(kein Prompt)</translation>
    </message>
    <message>
        <source>1 step</source>
        <translation>1 Schritt</translation>
    </message>
    <message>
        <source>%1 steps</source>
        <translation>%1 Schritte</translation>
    </message>
    <message>
        <source>img2img</source>
        <translation>Bild zu Bild</translation>
    </message>
    <message>
        <source>inpaint</source>
        <translation>Inpainting</translation>
    </message>
    <message>
        <source>txt2img</source>
        <translation>Text zu Bild</translation>
    </message>
    <message>
        <source>DeepFloyd IF</source>
        <translation>DeepFloyd IF</translation>
    </message>
    <message>
        <source>Upscale x4</source>
        <translation>x4 hochskalieren</translation>
    </message>
    <message>
        <source>(nothing to run)</source>
        <translation>(nichts auszuführen)</translation>
    </message>
</context>
<context>
    <name>gesso::ui::HiresFixPanel</name>
    <message>
        <source>Hires. fix</source>
        <translation>Hires. fix</translation>
    </message>
    <message>
        <source>Generate at the size above, upscale, then denoise again at the larger size: more detail than generating large at once, without the repeated subjects a model gives beyond the size it was trained at (as AUTOMATIC1111&apos;s Hires. fix).</source>
        <translation>Generiert in der obigen Größe, skaliert hoch und entrauscht dann erneut in der größeren Größe: mehr Details als direkt groß zu generieren, ohne die wiederholten Motive, die ein Modell über seine Trainingsgröße hinaus erzeugt (wie Hires. fix von AUTOMATIC1111).</translation>
    </message>
    <message>
        <source>Upscaler</source>
        <translation>Upscaler</translation>
    </message>
    <message>
        <source>Upscale by</source>
        <translation>Faktor</translation>
    </message>
    <message>
        <source>Same as Steps</source>
        <translation>Wie Schritte</translation>
    </message>
    <message>
        <source>The second pass&apos;s steps; 0 uses the sampling steps above.</source>
        <translation>Die Schritte des zweiten Durchgangs; 0 verwendet die Schritte oben.</translation>
    </message>
    <message>
        <source>Hires steps</source>
        <translation>Hires-Schritte</translation>
    </message>
    <message>
        <source>How much the second pass repaints the upscaled image: low keeps it, high invents new detail (and may change the picture).</source>
        <translation>Wie stark der zweite Durchgang das hochskalierte Bild neu malt: niedrig behält es bei, hoch erfindet neue Details (und kann das Bild verändern).</translation>
    </message>
    <message>
        <source>Denoising strength</source>
        <translation>Entrauschungsstärke</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>A size instead of &quot;Upscale by&quot;: one of them Auto keeps the picture&apos;s shape; both set, the picture is scaled to cover that size and cropped.</source>
        <translation>Eine Größe statt „Faktor“: Ist eine davon Auto, bleibt das Seitenverhältnis erhalten; sind beide gesetzt, wird das Bild auf diese Größe skaliert und zugeschnitten.</translation>
    </message>
    <message>
        <source>Resize to</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Latent: the first pass&apos;s latents are scaled (fast; the second pass needs a denoising strength of about 0.5 or more to sharpen them). Lanczos and Nearest: the image is decoded, resized and encoded again. SD x4: the image is upscaled by Stability&apos;s x4 upscaler (slower, sharper), then resized and encoded again.</source>
        <translation>Latent: Die Latents des ersten Durchgangs werden skaliert (schnell; der zweite Durchgang braucht eine Entrauschungsstärke von etwa 0.5 oder mehr, um sie zu schärfen). Lanczos und Nearest: Das Bild wird dekodiert, skaliert und wieder kodiert. SD x4: Das Bild wird mit dem x4-Upscaler von Stability hochskaliert (langsamer, schärfer), dann skaliert und wieder kodiert.</translation>
    </message>
    <message>
        <source>The x4 upscaler model SD x4 runs (from the model library).</source>
        <translation>Das x4-Upscaler-Modell, das SD x4 verwendet (aus der Modellbibliothek).</translation>
    </message>
    <message>
        <source>x4 model</source>
        <translation>x4-Modell</translation>
    </message>
    <message>
        <source>Add Stability&apos;s x4 upscaler (stable-diffusion-x4-upscaler) to the model library to use it.</source>
        <translation>Fügen Sie den x4-Upscaler von Stability (stable-diffusion-x4-upscaler) zur Modellbibliothek hinzu, um ihn zu verwenden.</translation>
    </message>
</context>
<context>
    <name>gesso::ui::HistoryInfoPanel</name>
    <message>
        <source>Select an image to see how it was made.</source>
        <translation>Wählen Sie ein Bild, um zu sehen, wie es entstanden ist.</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativ</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Sampler</source>
        <translation>Sampler</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>CFG scale</source>
        <translation>CFG-Skala</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
</context>
<context>
    <name>gesso::ui::HistoryModel</name>
    <message>
        <source>(no prompt)</source>
        <translation>(kein Prompt)</translation>
    </message>
    <message>
        <source>Seed %1 · %2</source>
        <extracomment>The gallery&apos;s second caption line, e.g. &quot;Seed 1234 · 14:03:12&quot;.</extracomment>
        <translation>Seed %1 · %2</translation>
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
    <message>
        <source>Search prompts</source>
        <translation>Prompts durchsuchen</translation>
    </message>
    <message>
        <source>Shows the images whose prompt holds every word typed here (case aside).</source>
        <translation>Zeigt die Bilder, deren Prompt jedes hier eingegebene Wort enthält (ohne Beachtung der Groß-/Kleinschreibung).</translation>
    </message>
    <message>
        <source>Thumbnails</source>
        <translation>Miniaturen</translation>
    </message>
    <message>
        <source>The size of the thumbnails</source>
        <translation>Die Größe der Miniaturen</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n Bild</numerusform>
            <numerusform>%n Bilder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n found</source>
        <translation>
            <numerusform>%n gefunden</numerusform>
            <numerusform>%n gefunden</numerusform>
        </translation>
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
    <name>gesso::ui::ImageViewer</name>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Cannot read %1: the file was moved or deleted.</source>
        <translation>%1 kann nicht gelesen werden: Die Datei wurde verschoben oder gelöscht.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
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
        <source>Step previews</source>
        <translation>Schrittvorschau</translation>
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
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Show a preview every N steps (%1 by default; 1: every step; 0: none). Each preview waits for the GPU, which costs a little speed:</source>
        <translation>Alle N Schritte eine Vorschau zeigen (Standard %1; 1: jeden Schritt; 0: keine). Jede Vorschau wartet auf die GPU, was etwas Geschwindigkeit kostet:</translation>
    </message>
    <message>
        <source>&amp;Benchmark…</source>
        <translation>Benchmar&amp;k…</translation>
    </message>
    <message>
        <source>&amp;Previews: none…</source>
        <translation>&amp;Vorschau: keine…</translation>
    </message>
    <message>
        <source>&amp;Previews: every step…</source>
        <translation>&amp;Vorschau: jeden Schritt…</translation>
    </message>
    <message>
        <source>&amp;Previews: every %1 steps…</source>
        <translation>&amp;Vorschau: alle %1 Schritte…</translation>
    </message>
    <message numerus="yes">
        <source>Queued: %1 (%n waiting)</source>
        <translation>
            <numerusform>In der Warteschlange: %1 (%n wartet)</numerusform>
            <numerusform>In der Warteschlange: %1 (%n warten)</numerusform>
        </translation>
    </message>
    <message>
        <source>Generate (Ctrl+Return)</source>
        <translation>Generieren (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Add to the queue (Ctrl+Return): it runs after the running one</source>
        <translation>Zur Warteschlange hinzufügen (Strg+Eingabe): Läuft nach dem laufenden Durchlauf</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %n image(s)</source>
        <translation>
            <numerusform>Abgebrochen nach %n Bild</numerusform>
            <numerusform>Abgebrochen nach %n Bildern</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 records how it was made (prompt, seed, steps, …). Use its parameters in the form too?</source>
        <translation>%1 enthält, wie es entstanden ist (Prompt, Seed, Schritte, …). Seine Parameter auch im Formular verwenden?</translation>
    </message>
    <message>
        <source>Use its parameters</source>
        <translation>Seine Parameter verwenden</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Meine behalten</translation>
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
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show the whole image (Home; the wheel zooms around the pointer)</source>
        <translation>Das ganze Bild zeigen (Pos1; das Mausrad zoomt um den Mauszeiger)</translation>
    </message>
    <message>
        <source>Undo %1 (Ctrl+Z)</source>
        <translation>%1 rückgängig machen (Strg+Z)</translation>
    </message>
    <message>
        <source>Redo %1 (Ctrl+Y or Ctrl+Shift+Z)</source>
        <translation>%1 wiederholen (Strg+Y oder Strg+Umschalt+Z)</translation>
    </message>
</context>
<context>
    <name>gesso::ui::ModeCheck</name>
    <message>
        <source>This is an inpainting model (%1): switch to Inpaint and paint the area to repaint, or choose another model for img2img.</source>
        <translation>Dies ist ein Inpainting-Modell (%1): Wechseln Sie zu Inpainting und malen Sie den neu zu malenden Bereich, oder wählen Sie für Bild zu Bild ein anderes Modell.</translation>
    </message>
    <message>
        <source>This is an inpainting model (%1): it repaints a masked area of a source image, so switch to Inpaint (open a source image and paint the area to repaint), or choose another model for %2.</source>
        <translation>Dies ist ein Inpainting-Modell (%1): Es malt einen maskierten Bereich eines Quellbildes neu. Wechseln Sie also zu Inpainting (öffnen Sie ein Quellbild und malen Sie den neu zu malenden Bereich), oder wählen Sie für %2 ein anderes Modell.</translation>
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
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>it cannot be read</source>
        <translation>es kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1 is not a diffusers model folder (one with a model_index.json): %2</source>
        <translation>%1 ist kein diffusers-Modellordner (einer mit model_index.json): %2</translation>
    </message>
    <message>
        <source>%1 is not a model Gesso can read: %2</source>
        <translation>%1 ist kein Modell, das Gesso lesen kann: %2</translation>
    </message>
    <message>
        <source>%1 is a %2, not a model: put it in the models folder&apos;s %3 folder instead.</source>
        <translation>%1 ist ein(e) %2, kein Modell: Legen Sie es stattdessen in den Ordner %3 des Modellordners.</translation>
    </message>
    <message>
        <source>%1 is a %2 model, which the Generate form does not run (%3).</source>
        <translation>%1 ist ein %2-Modell, das das Generieren-Formular nicht ausführt (%3).</translation>
    </message>
    <message>
        <source>use File &gt; Upscale</source>
        <translation>verwenden Sie Datei &gt; Hochskalieren</translation>
    </message>
    <message>
        <source>pick the DeepFloyd IF mode</source>
        <translation>wählen Sie den Modus DeepFloyd IF</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder: add a checkpoint file with the model list&apos;s &quot;Add folder…&quot;, or put it in the models folder.</source>
        <translation>%1 ist eine Datei, kein Ordner: Fügen Sie eine Checkpoint-Datei mit „Ordner hinzufügen…“ der Modellliste hinzu, oder legen Sie sie in den Modellordner.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 is listed already.</source>
        <translation>%1 ist bereits aufgeführt.</translation>
    </message>
    <message>
        <source>%1 is inside the models folder, which is scanned already.</source>
        <translation>%1 liegt im Modellordner, der bereits durchsucht wird.</translation>
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
        <source>Device</source>
        <translation>Gerät</translation>
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
        <source>TF32 tensor cores</source>
        <translation>TF32-Tensor-Cores</translation>
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
        <translation>Attention</translation>
    </message>
    <message>
        <source>Flash</source>
        <translation>Flash</translation>
    </message>
    <message>
        <source>Memory-efficient</source>
        <translation>Speichereffizient</translation>
    </message>
    <message>
        <source>Math</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>CPU offload</source>
        <translation>CPU-Offload</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keins</translation>
    </message>
    <message>
        <source>VAE tiling</source>
        <translation>VAE-Tiling</translation>
    </message>
    <message>
        <source>VAE slicing</source>
        <translation>VAE-Slicing</translation>
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
        <source>refiner UNet</source>
        <translation>Refiner-UNet</translation>
    </message>
    <message>
        <source>Needs an NVIDIA graphics card with CUDA; this computer has none, so Gesso runs on the processor.</source>
        <translation>Erfordert eine NVIDIA-Grafikkarte mit CUDA; dieser Computer hat keine, daher läuft Gesso auf dem Prozessor.</translation>
    </message>
    <message>
        <source>Max speed: the fastest settings, 175 steps a second at 512×512 on an H200 with 2.5 GiB of VRAM. Balanced: half precision and the defaults, 104 steps a second, 2.5 GiB. Low VRAM (6 GB): 1.8 GiB at nearly full speed. Tiny VRAM (4 GB): 0.6 GiB, several times slower. Every preset makes the same kind of image; only speed and memory change.</source>
        <translation>Maximale Geschwindigkeit: die schnellsten Einstellungen, 175 Schritte pro Sekunde bei 512×512 auf einer H200 mit 2.5 GiB VRAM. Ausgewogen: halbe Genauigkeit und die Standardwerte, 104 Schritte pro Sekunde, 2.5 GiB. Wenig VRAM (6 GB): 1.8 GiB bei nahezu voller Geschwindigkeit. Sehr wenig VRAM (4 GB): 0.6 GiB, um ein Mehrfaches langsamer. Jede Voreinstellung erzeugt dieselbe Art von Bild; nur Geschwindigkeit und Speicher ändern sich.</translation>
    </message>
    <message>
        <source>The graphics memory this run needs at its peak, estimated from the model&apos;s size, the image size and the settings (within about 10% of what an H200 measured)</source>
        <translation>Der Grafikspeicher, den dieser Durchlauf in der Spitze braucht, geschätzt aus Modellgröße, Bildgröße und Einstellungen (auf etwa 10 % genau gegenüber Messungen auf einer H200)</translation>
    </message>
    <message>
        <source>Auto uses the NVIDIA graphics card when there is one, else the processor (far slower: minutes an image).</source>
        <translation>„Automatisch“ nutzt die NVIDIA-Grafikkarte, wenn es eine gibt, sonst den Prozessor (weit langsamer: Minuten pro Bild).</translation>
    </message>
    <message>
        <source>Half precision: nearly twice as fast with half the memory (45 steps a second and 2.6 GiB against full precision&apos;s 26 and 5.2 GiB, SD 1.5 at 512×512 on an H200); the image changes very little. Brain float: half&apos;s memory, fewer black images, slightly different images.</source>
        <translation>Halbe Genauigkeit: fast doppelt so schnell mit halbem Speicher (45 Schritte pro Sekunde und 2.6 GiB gegenüber 26 und 5.2 GiB bei voller Genauigkeit, SD 1.5 bei 512×512 auf einer H200); das Bild ändert sich sehr wenig. Brain Float: Speicher wie bei halber Genauigkeit, weniger schwarze Bilder, leicht andere Bilder.</translation>
    </message>
    <message>
        <source>Fixes the black or broken images some models give at half precision; the last step (turning the result into pixels) then needs twice the memory. Same speed.</source>
        <translation>Behebt die schwarzen oder kaputten Bilder, die manche Modelle bei halber Genauigkeit liefern; der letzte Schritt (das Ergebnis in Pixel umwandeln) braucht dann doppelt so viel Speicher. Gleiche Geschwindigkeit.</translation>
    </message>
    <message>
        <source>Full precision only: faster (26 → 38 steps a second on an H200); the image changes too little to see. No effect at half precision.</source>
        <translation>Nur bei voller Genauigkeit: schneller (26 → 38 Schritte pro Sekunde auf einer H200); das Bild ändert sich unsichtbar wenig. Bei halber Genauigkeit ohne Wirkung.</translation>
    </message>
    <message>
        <source>Gesso&apos;s own graphics-card code for the model&apos;s most frequent steps: faster (75 → 104 steps a second on an H200; 93 → 175 with Channels-last and CUDA graphs); the image changes too little to see. Off: the same code diffusers runs.</source>
        <translation>Gessos eigener Grafikkarten-Code für die häufigsten Schritte des Modells: schneller (75 → 104 Schritte pro Sekunde auf einer H200; 93 → 175 mit Channels-last und CUDA graphs); das Bild ändert sich unsichtbar wenig. Aus: derselbe Code, den diffusers ausführt.</translation>
    </message>
    <message>
        <source>Records each step once per image size and replays it: much faster (45 → 83 steps a second on an H200) for a little more memory (0.03 GiB); the first image of each size takes about 1 s longer. Same image. Not with per-layer offload.</source>
        <translation>Zeichnet jeden Schritt einmal pro Bildgröße auf und spielt ihn wieder ab: viel schneller (45 → 83 Schritte pro Sekunde auf einer H200) für etwas mehr Speicher (0.03 GiB); das erste Bild jeder Größe dauert etwa 1 s länger. Gleiches Bild. Nicht mit Offload pro Schicht.</translation>
    </message>
    <message>
        <source>Stores the image data in the order the graphics card reads fastest: alone a little slower (45 → 39 steps a second on an H200, slightly less memory); with CUDA graphs the fastest setting (101). The image changes too little to see.</source>
        <translation>Speichert die Bilddaten in der Reihenfolge, die die Grafikkarte am schnellsten liest: allein etwas langsamer (45 → 39 Schritte pro Sekunde auf einer H200, etwas weniger Speicher); mit CUDA graphs die schnellste Einstellung (101). Das Bild ändert sich unsichtbar wenig.</translation>
    </message>
    <message>
        <source>Tune for each image size</source>
        <translation>Für jede Bildgröße abstimmen</translation>
    </message>
    <message>
        <source>Tries several ways of running the model on the first image of each size and keeps the fastest: barely faster (45 → 46 steps a second on an H200) for 0.06 GiB more; that first image is slower. Same image.</source>
        <translation>Probiert beim ersten Bild jeder Größe mehrere Arten, das Modell auszuführen, und behält die schnellste: kaum schneller (45 → 46 Schritte pro Sekunde auf einer H200) für 0.06 GiB mehr; dieses erste Bild ist langsamer. Gleiches Bild.</translation>
    </message>
    <message>
        <source>How the model relates each part of the image to the others. Auto lets PyTorch choose (45 steps a second, 2.6 GiB on an H200); NVIDIA&apos;s kernel is the fastest there (71) for the same memory; Classic and Math are slower and need more memory. Nearly the same image with each.</source>
        <translation>Wie das Modell jeden Teil des Bildes mit den anderen in Beziehung setzt. „Automatisch“ lässt PyTorch wählen (45 Schritte pro Sekunde, 2.6 GiB auf einer H200); der Kernel von NVIDIA ist dort der schnellste (71) bei gleichem Speicher; Klassisch und Math sind langsamer und brauchen mehr Speicher. Mit jedem nahezu dasselbe Bild.</translation>
    </message>
    <message>
        <source>PyTorch chooses: 45 steps a second, 2.6 GiB on an H200</source>
        <translation>PyTorch wählt: 45 Schritte pro Sekunde, 2.6 GiB auf einer H200</translation>
    </message>
    <message>
        <source>48 steps a second, 2.7 GiB on an H200</source>
        <translation>48 Schritte pro Sekunde, 2.7 GiB auf einer H200</translation>
    </message>
    <message>
        <source>51 steps a second, 2.7 GiB on an H200</source>
        <translation>51 Schritte pro Sekunde, 2.7 GiB auf einer H200</translation>
    </message>
    <message>
        <source>27 steps a second, 4.4 GiB on an H200: the slowest, the most memory</source>
        <translation>27 Schritte pro Sekunde, 4.4 GiB auf einer H200: am langsamsten, am meisten Speicher</translation>
    </message>
    <message>
        <source>NVIDIA&apos;s kernel</source>
        <translation>NVIDIA-Kernel</translation>
    </message>
    <message>
        <source>71 steps a second, 2.7 GiB: the fastest on an H200</source>
        <translation>71 Schritte pro Sekunde, 2.7 GiB: auf einer H200 am schnellsten</translation>
    </message>
    <message>
        <source>Classic</source>
        <translation>Klassisch</translation>
    </message>
    <message>
        <source>41 steps a second, 3.7 GiB on an H200: the way diffusers has always done it</source>
        <translation>41 Schritte pro Sekunde, 3.7 GiB auf einer H200: so, wie diffusers es immer gemacht hat</translation>
    </message>
    <message>
        <source>Keeps parts of the model in the computer&apos;s memory until they are needed. Per part: less graphics memory (2.6 → 1.8 GiB on an H200) at full speed, with 2 GB of the computer&apos;s memory set aside. Per layer: the least (0.6 GiB), several times slower. Same image.</source>
        <translation>Hält Teile des Modells im Arbeitsspeicher des Computers, bis sie gebraucht werden. Pro Teil: weniger Grafikspeicher (2.6 → 1.8 GiB auf einer H200) bei voller Geschwindigkeit, mit 2 GB reserviertem Arbeitsspeicher. Pro Schicht: am wenigsten (0.6 GiB), um ein Mehrfaches langsamer. Gleiches Bild.</translation>
    </message>
    <message>
        <source>Per part of the model</source>
        <translation>Pro Modellteil</translation>
    </message>
    <message>
        <source>Per layer (slow)</source>
        <translation>Pro Schicht (langsam)</translation>
    </message>
    <message>
        <source>Turns the result into pixels tile by tile: far less memory for large images (1024×1024: 4.4 → 2.6 GiB on an H200) at no speed cost; faint seams may show. No change at the model&apos;s own size.</source>
        <translation>Wandelt das Ergebnis Kachel für Kachel in Pixel um: weit weniger Speicher für große Bilder (1024×1024: 4.4 → 2.6 GiB auf einer H200) ohne Geschwindigkeitsverlust; schwache Nähte können sichtbar sein. Bei der nativen Größe des Modells keine Änderung.</translation>
    </message>
    <message>
        <source>Turns a batch into pixels one image at a time: less memory for batches, same images; no change for one image.</source>
        <translation>Wandelt einen Batch Bild für Bild in Pixel um: weniger Speicher bei Batches, gleiche Bilder; keine Änderung bei einem Bild.</translation>
    </message>
    <message>
        <source>Relates the parts of the image a few at a time: saves memory only with the Math or Classic attention; with the others 30% slower (32 steps a second on an H200) and no saving. Same image.</source>
        <translation>Setzt die Teile des Bildes jeweils zu wenigen in Beziehung: spart nur mit der Attention Math oder Klassisch Speicher; mit den anderen 30 % langsamer (32 Schritte pro Sekunde auf einer H200) und keine Ersparnis. Gleiches Bild.</translation>
    </message>
    <message>
        <source>Gives the graphics memory Gesso keeps back to other programs; the next run starts about 1 s slower.</source>
        <translation>Gibt den Grafikspeicher, den Gesso zurückhält, an andere Programme zurück; der nächste Durchlauf startet etwa 1 s langsamer.</translation>
    </message>
</context>
<context>
    <name>gesso::ui::OutpaintPanel</name>
    <message>
        <source>Extend canvas (outpainting)</source>
        <translation>Leinwand erweitern (Outpainting)</translation>
    </message>
    <message>
        <source>Adds pixels on the chosen sides of the source image and marks them for repainting: the run then paints what lies beyond the picture&apos;s edges</source>
        <translation>Fügt an den gewählten Seiten des Quellbildes Pixel hinzu und markiert sie zum Neumalen: Der Durchlauf malt dann, was jenseits der Bildränder liegt</translation>
    </message>
    <message>
        <source>Pixels added on the left</source>
        <translation>Links hinzugefügte Pixel</translation>
    </message>
    <message>
        <source>Pixels added on the right</source>
        <translation>Rechts hinzugefügte Pixel</translation>
    </message>
    <message>
        <source>Pixels added at the top</source>
        <translation>Oben hinzugefügte Pixel</translation>
    </message>
    <message>
        <source>Pixels added at the bottom</source>
        <translation>Unten hinzugefügte Pixel</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Oben</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>Unten</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Pixels of the old image along each extended side that are repainted too, so that the seam between old and new disappears</source>
        <translation>Pixel des alten Bildes entlang jeder erweiterten Seite, die ebenfalls neu gemalt werden, damit die Naht zwischen Alt und Neu verschwindet</translation>
    </message>
    <message>
        <source>Overlap</source>
        <translation>Überlappung</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Füllung</translation>
    </message>
    <message>
        <source>Extend canvas</source>
        <translation>Leinwand erweitern</translation>
    </message>
    <message>
        <source>Grow the source image, mask the new area and switch to Inpaint</source>
        <translation>Vergrößert das Quellbild, maskiert den neuen Bereich und wechselt zu Inpainting</translation>
    </message>
    <message>
        <source> (a multiple of 8: other values are rounded up)</source>
        <translation> (ein Vielfaches von 8: andere Werte werden aufgerundet)</translation>
    </message>
    <message>
        <source>The edge&apos;s colours, blurred outwards, and the model starts from them smoothed over: the usual choice</source>
        <translation>Die Farben des Randes, nach außen verwischt; das Modell beginnt mit ihnen geglättet: die übliche Wahl</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>The edge&apos;s pixels stretched outwards, and the model starts from them (a strength near 1 repaints the streaks)</source>
        <translation>Die Pixel des Randes nach außen gestreckt; das Modell beginnt mit ihnen (eine Stärke nahe 1 übermalt die Streifen)</translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation>Spiegeln</translation>
    </message>
    <message>
        <source>The picture mirrored at its edge, and the model starts from it</source>
        <translation>Das Bild an seinem Rand gespiegelt; das Modell beginnt damit</translation>
    </message>
    <message>
        <source>Latent noise</source>
        <translation>Latentes Rauschen</translation>
    </message>
    <message>
        <source>The model starts from pure noise in the new area: anything can appear (use a strength near 1)</source>
        <translation>Das Modell beginnt im neuen Bereich mit reinem Rauschen: Alles kann erscheinen (verwenden Sie eine Stärke nahe 1)</translation>
    </message>
    <message>
        <source>Latent nothing</source>
        <translation>Latent leer</translation>
    </message>
    <message>
        <source>The model starts from an empty latent in the new area: flat, for a strength near 1</source>
        <translation>Das Modell beginnt im neuen Bereich mit einem leeren Latent: flach, für eine Stärke nahe 1</translation>
    </message>
    <message>
        <source>What the new area starts from (AUTOMATIC1111&apos;s masked content)</source>
        <translation>Womit der neue Bereich beginnt (Maskierter Inhalt bei AUTOMATIC1111)</translation>
    </message>
    <message>
        <source>Open a source image first (File &gt; Open source image, or drop one), then extend it.</source>
        <translation>Öffnen Sie zuerst ein Quellbild (Datei &gt; Quellbild öffnen, oder ziehen Sie eines herein), und erweitern Sie es dann.</translation>
    </message>
    <message>
        <source>Choose how many pixels to add on at least one side.</source>
        <translation>Wählen Sie, wie viele Pixel an mindestens einer Seite hinzugefügt werden.</translation>
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
    <message>
        <source>Hires. fix cannot be restored: %1</source>
        <translation>Hires. fix kann nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <source>The upscaler &quot;%1&quot; is not in Gesso: Hires. fix uses Latent.</source>
        <translation>Den Upscaler „%1“ gibt es in Gesso nicht: Hires. fix verwendet Latent.</translation>
    </message>
    <message>
        <source>The inpainting options cannot be restored: %1</source>
        <translation>Die Inpainting-Optionen können nicht wiederhergestellt werden: %1</translation>
    </message>
</context>
<context>
    <name>gesso::ui::QueuePanel</name>
    <message>
        <source>Up</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Run the selected item earlier</source>
        <translation>Den gewählten Eintrag früher ausführen</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Runter</translation>
    </message>
    <message>
        <source>Run the selected item later</source>
        <translation>Den gewählten Eintrag später ausführen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Take the selected item out of the queue</source>
        <translation>Den gewählten Eintrag aus der Warteschlange nehmen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Empty the queue (the running item goes on)</source>
        <translation>Die Warteschlange leeren (der laufende Eintrag läuft weiter)</translation>
    </message>
    <message>
        <source>Generate forever</source>
        <translation>Endlos generieren</translation>
    </message>
    <message>
        <source>When the queue is empty, generate again from the form with a new random seed, until this is turned off</source>
        <translation>Wenn die Warteschlange leer ist, erneut aus dem Formular mit einem neuen zufälligen Seed generieren, bis dies ausgeschaltet wird</translation>
    </message>
    <message>
        <source>Nothing is running. Generate while a run is going adds to the queue.</source>
        <translation>Nichts läuft. „Generieren“ während eines Durchlaufs fügt zur Warteschlange hinzu.</translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation>Läuft: %1</translation>
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
    <message>
        <source>Starting…</source>
        <translation>Startet…</translation>
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
