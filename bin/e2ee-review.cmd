@echo off
rem e2ee-review launcher for Windows: runs lib\e2ee-review.jar (the distribution) or, in a built
rem source checkout, e2ee-review-cli\target\e2ee-review.jar, with JAVA_HOME's java when it is set.
setlocal
set "here=%~dp0"
set "jar=%here%..\lib\e2ee-review.jar"
if not exist "%jar%" set "jar=%here%..\e2ee-review-cli\target\e2ee-review.jar"
if not exist "%jar%" (
  echo e2ee-review: no e2ee-review.jar in %here%..\lib\ or in e2ee-review-cli\target\: build it with mvn -B -ntp -q package -DskipTests 1>&2
  exit /b 2
)
set "java=java"
if defined JAVA_HOME set "java=%JAVA_HOME%\bin\java"
"%java%" -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -XX:MaxTenuringThreshold=1 %JAVA_OPTS% -jar "%jar%" %*
exit /b %ERRORLEVEL%
