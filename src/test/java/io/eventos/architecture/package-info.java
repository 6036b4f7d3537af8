/**
 * Rules over the whole code base, read from its classes, sources and documents: the dependencies between contexts
 * ({@code ArchitectureTest}), one owning context per table ({@code TableOwnershipTest}) and the feature map in
 * docs/architecture.md ({@code FeatureMapTest}). Cross-cutting, so not under a context.
 */
package io.eventos.architecture;
