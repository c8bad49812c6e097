/** Private implementation of the registry and media helpers. Not exported. */
package io.datum.core.internal;
