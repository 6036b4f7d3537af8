package io.eventos.crm.service;

/** Why a row of an imported file is left out, with the line of the file it starts on. */
public record ImportProblem(int line, String reason) {
}
