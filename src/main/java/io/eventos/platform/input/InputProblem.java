package io.eventos.platform.input;

/** One refused value: the form field it belongs to and one sentence for the person who typed it. */
public record InputProblem(String field, String message) {
}
