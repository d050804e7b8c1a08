package org.cxalign.web.page;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.ExceptionHandler;
import io.undertow.servlet.api.LoggingExceptionHandler;
import jakarta.servlet.ServletContext;

/**
 * Registers {@link ReturnToQueryHandler} and {@link SignInUnavailableHandler} as initial handlers
 * of this WAR (ahead of the security handlers, which no servlet filter can be), and {@link
 * OidcFailures} as its exception handler. Found by Undertow through {@code
 * META-INF/services/io.undertow.servlet.ServletExtension}.
 */
public class PageHandlersExtension implements ServletExtension {

  @Override
  public void handleDeployment(DeploymentInfo deploymentInfo, ServletContext servletContext) {
    deploymentInfo.addInitialHandlerChainWrapper(ReturnToQueryHandler::new);
    deploymentInfo.addInitialHandlerChainWrapper(SignInUnavailableHandler::new);
    ExceptionHandler container = deploymentInfo.getExceptionHandler();
    deploymentInfo.setExceptionHandler(
        new OidcFailures(container == null ? LoggingExceptionHandler.DEFAULT : container));
  }
}
