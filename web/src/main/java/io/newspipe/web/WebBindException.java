package io.newspipe.web;

/**
 * The web service could not listen on its address, almost always because another program (or
 * another newspipe) already uses the port. The message names the address; callers that know how the
 * port was configured add how to change it.
 */
public class WebBindException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String host;
  private final int port;

  public WebBindException(String host, int port, Throwable cause) {
    super(
        "cannot listen on "
            + host
            + ":"
            + port
            + ": the port is already in use (or not allowed). Stop the program using port "
            + port
            + " or choose another port",
        cause);
    this.host = host;
    this.port = port;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }
}
