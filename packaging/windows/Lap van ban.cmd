@echo off
rem The clerk's double-click: builds the "inputs" folder beside this file into the "outputs"
rem folder beside it, shows the summary and opens the overview page.
rem "Lap van ban.cmd" /khongdung : no pause and no browser (tests, scheduled runs).
rem No parenthesised blocks below: a folder name with "(" or ")" would break them.
chcp 65001 >nul
setlocal
set "NOI=%~dp0"
set "KHONGDUNG="
if /i "%~1"=="/khongdung" set "KHONGDUNG=1"
if not exist "%NOI%inputs\" goto khong_co_inputs

"%NOI%xeploai.exe" build --inputs "%NOI%inputs" --outputs "%NOI%outputs"
set "MA=%ERRORLEVEL%"
echo.
if "%MA%"=="0" echo Đã lập xong. Văn bản nằm trong thư mục outputs cạnh tệp này.
if "%MA%"=="1" echo Dữ liệu còn lỗi: xem các dòng LỖI ở trên, sửa tệp trong thư mục inputs rồi chạy lại. Các đơn vị không có lỗi vẫn được lập văn bản.
if not "%MA%"=="0" if not "%MA%"=="1" echo Không chạy được: xem thông báo ở trên.
if defined KHONGDUNG goto het
if exist "%NOI%outputs\tong-quan.html" start "" "%NOI%outputs\tong-quan.html"
pause
goto het

:khong_co_inputs
echo Không thấy thư mục inputs cạnh tệp này: "%NOI%inputs"
echo Hãy giải nén cả gói vào một thư mục rồi chạy lại.
set "MA=2"
if not defined KHONGDUNG pause

:het
exit /b %MA%
