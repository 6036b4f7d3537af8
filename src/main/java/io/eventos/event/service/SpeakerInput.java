package io.eventos.event.service;

/** What an organizer enters for a speaker (the photo travels separately, as an {@link MediaUpload}). */
public record SpeakerInput(String name, String company, String jobTitle, String bio) {
}
