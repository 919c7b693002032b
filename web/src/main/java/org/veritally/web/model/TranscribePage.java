package org.veritally.web.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transcription page (docs/transcription.md, "The pages"): a volunteer not signed in sees the sign-in
 * form ({@link SignIn}); signed in, the next task ({@link Form}) or why there is none ({@link NoTask}).
 * {@code recorded} is the log index of the work just sent (shown above the next task); {@code problems}
 * what refused it, each with its rule ID. A task never carries anyone else's figures: {@code values} are
 * only what this volunteer typed, sent back after a refusal. {@code moderator}: the account may moderate (the
 * page's navigation links the moderator's page). Immutable.
 */
public record TranscribePage(
        ElectionInfo election,
        State state,
        Optional<String> recorded,
        List<UploadPage.Issue> problems,
        boolean moderator) {
    public TranscribePage {
        problems = List.copyOf(problems);
    }

    /** The page of a volunteer who may not moderate. */
    public TranscribePage(
            ElectionInfo election, State state, Optional<String> recorded, List<UploadPage.Issue> problems) {
        this(election, state, recorded, problems, false);
    }

    /** What the page shows under its title. */
    public sealed interface State permits SignIn, NoTask, Form, Reported {}

    /** A report was recorded (at {@code recorded}); {@code back} is the page it was sent from (a local path). */
    public record Reported(String back) implements State {}

    /** The token field: the volunteer is not signed in (or the token was refused). */
    public record SignIn() implements State {}

    /** Signed in, but no task: {@code key} says why (none left, paused, over the quota). */
    public record NoTask(String key) implements State {}

    /**
     * A leased task: the photo ({@code image}, the public copy's address, when there is one), its station,
     * source and contest, the contest's choices (id, name) in ballot order, and what this volunteer typed
     * ({@code values} by field name: {@code valid}, {@code null}, {@code v.<choice>}). {@code confirm}
     * shows the confirmation checkbox checked. {@code contests}: where the photo was filed with no contest in an
     * election of several, the contests (id, name) the volunteer chooses from (docs/transcription.md#a-photo-
     * filed-with-no-contest), else empty; with {@code contest} empty the page asks which one first.
     */
    public record Form(
            String photo,
            String station,
            String source,
            String contest,
            Optional<String> image,
            List<Option> choices,
            Map<String, String> values,
            boolean confirm,
            List<Option> contests)
            implements State {
        public Form {
            choices = List.copyOf(choices);
            values = Map.copyOf(values);
            contests = List.copyOf(contests);
        }
    }
}
