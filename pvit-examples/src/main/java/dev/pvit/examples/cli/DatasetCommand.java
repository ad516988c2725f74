package dev.pvit.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pvit.pipeline.dataset.DatasetConverter;
import dev.pvit.pipeline.dataset.DatasetValidator;
import dev.pvit.prompt.RefusalKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pvit dataset}: checks and converts PVIT/LLaVA dataset files (JSON array or JSONL, streamed).
 *
 * <pre>{@code
 * ./pvit dataset validate dataset/data.json --images dataset
 * ./pvit dataset convert dataset/data.json --to llama-factory pvit_lf.json
 * }</pre>
 */
@Command(
    name = "dataset",
    mixinStandardHelpOptions = true,
    description = "Validate or convert PVIT/LLaVA dataset files (a JSON array or JSONL, streamed).",
    subcommands = {DatasetCommand.Validate.class, DatasetCommand.Convert.class})
public final class DatasetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** {@code pvit dataset validate}. */
  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description = {
        "Per record: names introduced, images vs <image> placeholders, refusal family per assistant turn,",
        "missing images, errors; then a summary. Exit 3 if any record has a problem."
      })
  static final class Validate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A JSON array or JSONL dataset.")
    Path file;

    @Option(names = "--images", paramLabel = "DIR", description = "Folder the image paths are relative to.")
    Path images;

    @Option(names = "--json", description = "One JSON object per record, then a summary object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      DatasetValidator.Builder b = DatasetValidator.builder();
      if (images != null) {
        b.images(images);
      }
      ObjectMapper mapper = new ObjectMapper();
      DatasetValidator.Summary s =
          b.build()
              .validate(
                  file,
                  r -> {
                    if (json) {
                      out.println(toJson(mapper, r));
                    } else if (!r.errors().isEmpty() || !r.missingImages().isEmpty()) {
                      out.println("record " + r.index() + ": " + String.join("; ", r.errors())
                          + (r.missingImages().isEmpty() ? "" : (r.errors().isEmpty() ? "" : "; ")
                              + "missing images " + r.missingImages()));
                    }
                  });
      if (json) {
        ObjectNode sum = mapper.createObjectNode();
        ObjectNode summary = sum.putObject("summary");
        summary.put("records", s.records());
        ObjectNode people = summary.putObject("people");
        s.people().forEach((k, v) -> people.put(Integer.toString(k), v));
        summary.put("assistantTurns", s.assistantTurns());
        summary.put("absent", s.absent());
        summary.put("unknown", s.unknown());
        summary.put("refusalShare", s.refusalShare());
        summary.put("recordsWithProblems", s.recordsWithProblems());
        out.println(mapper.writeValueAsString(sum));
      } else {
        out.printf(Locale.ROOT, "%d records; people introduced per record: %s%n", s.records(), histogram(s.people()));
        out.printf(Locale.ROOT, "%d assistant turns: %d absent-person refusals, %d unknown-name refusals (%.1f%% refusals)%n",
            s.assistantTurns(), s.absent(), s.unknown(), 100 * s.refusalShare());
        out.printf(Locale.ROOT, "%d record(s) with problems%s%n", s.recordsWithProblems(),
            s.recordsWithProblems() == 0 ? "" : "; first: " + s.firstProblems().get(0));
      }
      out.flush();
      return s.recordsWithProblems() == 0 ? 0 : PvitCli.EXIT_INVALID_INPUT;
    }

    private static String toJson(ObjectMapper mapper, DatasetValidator.RecordReport r) {
      ObjectNode o = mapper.createObjectNode();
      o.put("index", r.index());
      ArrayNode names = o.putArray("names");
      r.names().forEach(names::add);
      o.put("images", r.images());
      o.put("placeholders", r.placeholders());
      ArrayNode refusals = o.putArray("refusals");
      for (RefusalKind k : r.refusals()) {
        if (k == null) {
          refusals.addNull();
        } else {
          refusals.add(k.name());
        }
      }
      ArrayNode errors = o.putArray("errors");
      r.errors().forEach(errors::add);
      r.missingImages().forEach(m -> errors.add("missing image " + m));
      try {
        return mapper.writeValueAsString(o);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    private static String histogram(Map<Integer, Long> people) {
      StringBuilder sb = new StringBuilder();
      people.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(" -> ").append(v));
      return sb.length() == 0 ? "none" : sb.toString();
    }
  }

  /** {@code pvit dataset convert}. */
  @Command(
      name = "convert",
      mixinStandardHelpOptions = true,
      description = {
        "Convert to the release's JSON array, JSONL, LLaMA-Factory (multimodal ShareGPT, prints the",
        "dataset_info.json entry), ms-swift (messages/images JSONL) or OpenAI vision fine-tuning JSONL."
      })
  static final class Convert implements Callable<Integer> {
    /** Output formats, as typed. */
    enum To {
      pvit_json,
      jsonl,
      llama_factory,
      ms_swift,
      openai
    }

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "A JSON array or JSONL dataset.")
    Path in;

    @Option(names = "--to", required = true, paramLabel = "FORMAT",
        description = "pvit-json, jsonl, llama-factory, ms-swift or openai.")
    String to;

    @Parameters(index = "1", paramLabel = "OUT", description = "The output file (written atomically).")
    Path out;

    @Option(names = "--images", paramLabel = "DIR",
        description = "Folder the image paths are relative to (openai: the files are inlined as data URLs).")
    Path images;

    @Option(names = "--image-url-prefix", paramLabel = "URL",
        description = "openai: write each image as URL + path instead of a data URL.")
    String imageUrlPrefix;

    @Option(names = "--name", defaultValue = "pvit", description = "llama-factory: dataset name (default: ${DEFAULT-VALUE}).")
    String name;

    @Override
    public Integer call() throws Exception {
      CommandLine cl = spec.commandLine();
      To target;
      try {
        target = To.valueOf(to.replace('-', '_').toLowerCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cl, "--to must be pvit-json, jsonl, llama-factory, ms-swift or openai, not " + to);
      }
      DatasetConverter.Builder b = DatasetConverter.builder().target(DatasetConverter.Target.valueOf(target.name().toUpperCase(Locale.ROOT)));
      if (images != null) {
        b.imageRoot(images);
      }
      if (imageUrlPrefix != null) {
        b.imageUrlPrefix(imageUrlPrefix);
      }
      DatasetConverter converter;
      try {
        converter = b.build();
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cl, e.getMessage());
      }
      DatasetConverter.Result r = converter.convert(in, out);
      PrintWriter w = cl.getOut();
      w.printf(Locale.ROOT, "%s: %d records, %d image references%n", out, r.records(), r.images());
      if (target == To.llama_factory) {
        w.println("Add to LLaMA-Factory's data/dataset_info.json (copy " + out.getFileName() + " into data/):");
        w.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(
            DatasetConverter.llamaFactoryDatasetInfo(name, out.getFileName().toString())));
      }
      w.flush();
      return 0;
    }
  }
}
