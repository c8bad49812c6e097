/** The {@code datum} verbs, the launcher entry service and the Gogo commands. Not exported. */
package io.datum.cli.internal;
