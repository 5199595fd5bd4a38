lede-split ../../../samples/harbour-ferry-dispute.txt
