module ticketshare.example/quickstart

go 1.19
