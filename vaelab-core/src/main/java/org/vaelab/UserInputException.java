package org.vaelab;

/**
 * A problem the user can fix: bad flag values, missing or corrupt data files, a run directory in the way.
 * The message is one line that names what was wrong and what to do; the CLI prints it without a stack
 * trace and exits with code 2.
 */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
